import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildContrl } from './contrl.generator';
import { parseEdifact } from './edifact.parser';

// CONTRL answers recorded as golden files: `<input>.contrl.edi` in __fixtures__/contrl for each
// golden input. UPDATE_GOLDEN=1 rewrites them.
const golden = join(__dirname, '__fixtures__', 'golden');
const contrl = join(__dirname, '__fixtures__', 'contrl');
const options = { controlRef: 'CTRL0001', preparedAt: new Date('2024-03-16T10:00:00Z') };

const cases: Array<[string, string]> = [
  ['iftsta-groups.edi', 'accepted: UCI action 7 and UCM 7'],
  ['iftsta-missing-sts.edi', 'rejected: UCM 4 and UCS at position 6 (UNT) with code 13'],
  ['three-messages-wrong-unz.edi', 'rejected: UCI 4 with code 29 on UNZ element 1'],
  ['truncated-no-unz.edi', 'rejected: UCI 4 with code 13 for the missing UNZ'],
  ['unoy-chinese.edi', 'accepted, answered in UNOY version 4'],
];

describe('CONTRL generation', () => {
  it.each(cases)('%s -> %s', (file) => {
    const answer = buildContrl(readFileSync(join(golden, file)), options);
    const expectedPath = join(contrl, file.replace(/\.edi$/, '.contrl.edi'));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(expectedPath, answer);
    expect(answer.toString('latin1')).toBe(readFileSync(expectedPath).toString('latin1'));
    // The answer is itself a valid CONTRL interchange.
    const [message] = parseEdifact(answer);
    expect(message.messageType).toBe('CONTRL');
    expect(message.structured).toBe(true);
  });

  it('names the failing data element in UCD for an error in UNH', () => {
    const input = Buffer.from("UNB+UNOA:3+A+B+240315:0930+R1'UNH+1'BGM+1'UNT+3+1'UNZ+1+R1'");
    const [message] = parseEdifact(buildContrl(input, options));
    const ucm = message.tree.group('UCM')!.head!;
    expect(ucm.get(2)).toBe('4');
    expect(ucm.get(3)).toBe('13');
    expect(ucm.get(4)).toBe('UNH');
    expect(ucm.element(5)).toEqual(['2', '1']);
  });

  it('reports a segment-level structure error with UCS position counted from UNH', () => {
    const input = Buffer.from(
      "UNB+UNOA:3+A+B+240315:0930+R1'UNH+9+IFTSTA:D:00B:UN'BGM+23+X+9'BGM+23+Y+9'UNT+4+9'UNZ+1+R1'",
    );
    const [message] = parseEdifact(buildContrl(input, options));
    const ucs = message.tree.findAll('UCS')[0];
    expect([ucs.get(0), ucs.get(1)]).toEqual(['3', '35']);
  });
});
