import { contentComplete, contentEnds } from './content-complete';
import { edifactInterchangeRef } from './edifact-unz.check';

const edi = (tail: string) =>
  Buffer.from(
    `UNA:+.? 'UNB+UNOC:3+A+B+250612:0815+R7'UNH+1+IFTSTA:D:99B:UN'BGM+23+X+9'UNT+3+1'${tail}`,
  );
const isa = (control: string) =>
  `ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250612*0815*U*00401*${control}*0*P*>~`;
const x12 = (tail: string) =>
  Buffer.from(
    `${isa('000000905')}\nGS*SW*S*R*20250612*0815*905*X*004010~\nST*945*0001~SE*2*0001~GE*1*905~${tail}`,
  );

describe('completeness by content', () => {
  it.each([
    ['a terminated UNZ naming the UNB reference', edi("UNZ+1+R7'\r\n"), true],
    ['no UNZ yet', edi(''), false],
    ['a UNZ cut before its terminator', edi('UNZ+1+R7'), false],
    ['a released terminator at the end', edi("UNZ+1+R7?'"), false],
    ['a UNZ of another interchange', edi("UNZ+1+R8'"), false],
    ['a wrong count (the codec will reject it)', edi("UNZ+9+R7'"), true],
  ])('EDIFACT with %s', (_what, body, complete) => {
    expect(contentComplete('edifact-unz', body)).toBe(complete);
  });

  it('reads level B information separators without UNA', () => {
    const body = Buffer.from('UNB\x1dUNOB:3\x1dA\x1dB\x1d250612:0815\x1dR1\x1cUNZ\x1d0\x1dR1\x1c');
    expect(contentComplete('edifact-unz', body)).toBe(true);
  });

  it.each([
    ['an IEA with the ISA control number', x12('IEA*1*000000905~\n'), true],
    ['no IEA yet', x12(''), false],
    ['an IEA cut before its terminator', x12('IEA*1*000000905'), false],
    ['an IEA of another interchange', x12('IEA*1*000000906~'), false],
    ['less than an ISA', Buffer.from(isa('000000905').slice(0, 50)), false],
  ])('X12 with %s', (_what, body, complete) => {
    expect(contentComplete('x12-iea', body)).toBe(complete);
  });

  it.each([
    ['<?xml version="1.0"?><Doc><A>1</A></Doc>\n', true],
    ['<Doc><A>1</A>', false],
    ['<Doc><A>1</A></Do', false],
    ['', false],
  ])('XML %j', (text, complete) => {
    expect(contentComplete('xml-wellformed', Buffer.from(text))).toBe(complete);
  });

  it('leaves done-file and stable-size to the poller (decided before reading)', () => {
    expect(contentComplete('done-file', Buffer.from('x'))).toBe(true);
    expect(contentComplete('stable-size', Buffer.from(''))).toBe(true);
  });

  it.each([
    ['edifact-unz', edi("UNZ+1+R8'"), true],
    ['edifact-unz', edi('UNZ+1+R7'), false],
    ['edifact-unz', edi(''), false],
    ['x12-iea', x12('IEA*1*000000906~'), true],
    ['x12-iea', x12('IEA*1*000000905'), false],
    ['xml-wellformed', Buffer.from('<Doc><A>1</A></Dox>\n'), true],
    ['xml-wellformed', Buffer.from('<Doc><A>1</A'), false],
  ] as const)(
    '%s: an end marker that does not match its header still ends the file',
    (rule, body, ends) => {
      expect(contentEnds(rule, body)).toBe(ends);
    },
  );

  it("reads the interchange reference (UNB 0020) as the partner's own id of a file", () => {
    expect(edifactInterchangeRef(edi("UNZ+1+R7'"))).toBe('R7');
    expect(edifactInterchangeRef(Buffer.from('<Doc/>'))).toBeUndefined();
  });
});
