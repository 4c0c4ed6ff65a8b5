import { decodeMtMessages, detectMt } from './mt.codec';

// How bank files really arrive around the FIN blocks: DOS-PCC (each message between SOH and
// ETX, the file padded with spaces to whole sectors), RJE batches separated by '$', an ACK
// service message before the message it acknowledges, CRLF line ends.
const body = (nl: string) =>
  [':20:PAY-2025-0042', ':23B:CRED', ':32A:250310EUR1250,00', ':50K:/DE44500105175407324931']
    .concat([
      'SHANGHAI TRADING CO LTD',
      ':59:/CN12TRDH0000123456789',
      'NINGBO EXPORT CO',
      ':71A:SHA',
    ])
    .join(nl);
const fin = (seq: string, nl = '\r\n') =>
  `{1:F01BANKDEFFAXXX0000${seq}}{2:I103ICBKCNBJXXXXN}{4:${nl}${body(nl)}${nl}-}{5:{CHK:0123456789AB}}`;

const decode = (text: string) => decodeMtMessages(Buffer.from(text, 'latin1'));
const charges = (text: string) =>
  decode(text).map((m) => m.tree.fields.find((f) => f.tag === '71A')?.value);

describe('SWIFT MT framing', () => {
  it('reads DOS-PCC: SOH and ETX around each message, space padding between and after', () => {
    const sector = (msg: string) => `\u0001${msg}\u0003`.padEnd(512, ' ');
    const file = sector(fin('000001')) + sector(fin('000002'));
    expect(detectMt(Buffer.from(file, 'latin1'))).toMatchObject({ messageType: 'MT103' });
    expect(charges(file)).toEqual(['SHA', 'SHA']);
  });

  it('reads an RJE batch: messages separated by $ lines, CRLF line ends', () => {
    const file = `${fin('000001')}\r\n$\r\n${fin('000002')}\r\n$${fin('000003')}\r\n`;
    expect(charges(file)).toEqual(['SHA', 'SHA', 'SHA']);
  });

  it('attaches an ACK service message to the message it acknowledges', () => {
    const ack = '{1:F21BANKDEFFAXXX0000000001}{4:{177:2503101200}{451:0}}';
    const [msg] = decode(`${ack}${fin('000001', '\n')}`);
    expect(msg.tree.acknowledgement).toMatchObject({ status: 'ACK' });
  });

  it('reads a bare MT940 export whose lines are padded with spaces, with a warning', () => {
    const lines = [':20:STMT-1', ':25:NL12BANK0123456789', ':28C:12345/1', ':60F:C250101EUR100,00']
      .concat([':61:2501010101C10,00NTRFNONREF', ':62F:C250101EUR110,00', '-'])
      .map((l) => l.padEnd(80, ' '));
    const [msg] = decode(lines.join('\r\n'));
    expect(msg.detection.messageType).toBe('MT940');
    expect(msg.tree.issues.map((i) => i.message).join(' ')).toContain('trailing spaces');
  });
});
