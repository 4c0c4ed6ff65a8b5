import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TradeError } from '../../../core/errors/trade-error';
import {
  buildMtMessage,
  formatFieldText,
  parseMt,
  serializeMt,
  type Balance,
  type MtMessage,
  type StatementLine,
} from './index';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

describe('serializeMt', () => {
  it.each(['mt940-two-statements.sta', 'mt103-full-blocks.fin', 'mt700-issue.fin'])(
    'writes %s back byte for byte',
    (name) => {
      const text = fixture(name);
      expect(serializeMt(parseMt(text))).toBe(text);
    },
  );

  it('writes an ACK in front of the message it acknowledges', () => {
    const text = `{1:F21ICBKCNBJAXXX0417123456}{4:{177:2503140930}{451:0}}${fixture('mt103-full-blocks.fin')}`;
    expect(serializeMt(parseMt(text))).toBe(text);
  });
});

describe('formatFieldText', () => {
  it('wraps :86: at 65 and :50K: at 35 characters, at spaces when it can', () => {
    const text =
      'PAYMENT FOR INVOICE INV-2025-0117 AND INV-2025-0118 CERAMIC TABLEWARE 2400 CARTONS';
    expect(formatFieldText('86', text).split('\n')).toEqual([
      'PAYMENT FOR INVOICE INV-2025-0117 AND INV-2025-0118 CERAMIC',
      ' TABLEWARE 2400 CARTONS',
    ]);
    expect(
      formatFieldText('50K', '/123\nSHANGHAI TRADEHUB SUPPLY CHAIN COMPANY LIMITED').split('\n'),
    ).toEqual(['/123', 'SHANGHAI TRADEHUB SUPPLY CHAIN', ' COMPANY LIMITED']);
  });

  it('refuses text over the maximum lines, and continuation lines starting with ":" or "-"', () => {
    expect(() => formatFieldText('86', Array(7).fill('LINE').join('\n'))).toThrow(/allows 6/);
    expect(() => formatFieldText('70', 'A\n:59:FAKE')).toThrow(TradeError);
    expect(formatFieldText('86', `${'A'.repeat(64)} -B`).split('\n')[1]).toBe(' -B');
  });
});

describe('buildMtMessage', () => {
  it('builds blocks 1-3/5 and a block 4 that parses back to the same fields', () => {
    const msg = buildMtMessage({
      messageType: '103',
      sender: 'ICBKCNBJAXXX',
      receiver: 'CHASUS33XXXX',
      userHeader: [{ tag: '121', value: '8a562c67-ca16-48ba-b074-65581be6f001' }],
      fields: [
        ['20', 'TRDH-PAY-0092'],
        ['23B', 'CRED'],
        ['32A', '250314USD100,50'],
        ['59', '/US64CHAS0000000456\nACME RETAIL INC 1200 INDUSTRIAL PARKWAY RENO NEVADA'],
        ['71A', 'OUR'],
      ],
      trailer: [{ tag: 'CHK', value: '000000000000' }],
    });
    const text = serializeMt(msg);
    expect(text.startsWith('{1:F01ICBKCNBJAXXX0000000000}{2:I103CHASUS33XXXXN}{3:{121:')).toBe(
      true,
    );
    const [back] = parseMt(text);
    expect(back.fields.map((f) => [f.tag, f.value])).toEqual(
      msg.fields.map((f) => [f.tag, f.value]),
    );
    expect(back.fields[3].parsed).toMatchObject({
      nameAndAddress: ['ACME RETAIL INC 1200 INDUSTRIAL', ' PARKWAY RENO NEVADA'],
    });
  });
});

const YYMMDD = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2079-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(2, 10).replace(/-/g, ''));
const AMOUNT = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.constantFrom('', '0', '5', '05', '99'))
  .map(([units, cents]) => `${units},${cents}`);
const TEXT_LINE = fc.stringMatching(/^[A-Z0-9/?+ .,()'-]{1,65}$/).filter((l) => !/^[:-]/.test(l));
const balance = (tag: string) =>
  fc
    .tuple(fc.constantFrom('C', 'D'), YYMMDD, AMOUNT)
    .map(([m, d, a]) => [tag, `${m}${d}EUR${a}`] as const);
const line61 = fc
  .tuple(
    YYMMDD,
    fc.constantFrom('C', 'D', 'RC', 'RD'),
    AMOUNT,
    fc.constantFrom('NTRF', 'NCHG', 'S103'),
    fc.stringMatching(/^[A-Z0-9]{1,16}$/),
  )
  .map(
    ([d, mark, a, type, ref]) =>
      ['61', `${d}${d.slice(2)}${mark}${a}${type}${ref}//B${d}`] as const,
  );
const line86 = fc
  .array(TEXT_LINE, { minLength: 1, maxLength: 6 })
  .map((lines) => ['86', lines.join('\n')] as const);

const statement = fc
  .record({
    ref: fc.stringMatching(/^[A-Z0-9]{1,16}$/),
    opening: balance('60F'),
    entries: fc.array(fc.tuple(line61, line86), { maxLength: 5 }),
    closing: balance('62F'),
  })
  .map((s): MtMessage => {
    const fields: Array<readonly [string, string]> = [
      ['20', s.ref],
      ['25', 'CN12TRDH0000123456789'],
      ['28C', '7/1'],
      s.opening,
      ...s.entries.flat(),
      s.closing,
    ];
    const built = buildMtMessage({
      messageType: '940',
      sender: 'ICBKCNBJAXXX',
      receiver: 'TRDHCNSHXXXX',
      fields: fields.map(([t, v]) => [t, v]),
    });
    return built;
  });

/** The same statement as a bank's headerless export. */
const asBare = (m: MtMessage): MtMessage => ({
  ...m,
  framing: 'bare',
  block1: undefined,
  block2: undefined,
  preamble: ['940'],
  trailer: '',
});

describe('MT940 round trip (property)', () => {
  it('serialize(parse(x)) === x for generated statements, amounts as decimal strings', () => {
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        (list, crlf, fin) => {
          // One file has one framing and one line ending.
          const generated = list.map((m): MtMessage => ({
            ...(fin ? m : asBare(m)),
            lineEnding: crlf ? '\r\n' : '\n',
          }));
          const text = serializeMt(generated);
          const parsed = parseMt(text);
          expect(serializeMt(parsed)).toBe(text);
          parsed.forEach((msg, i) => {
            expect(msg.messageType).toBe('MT940');
            const opening = msg.fields[3].parsed as Balance;
            expect(opening.amount).toBe(
              generated[i].fields[3].value
                .slice(10)
                .replace(',', '.')
                .replace(/^0+(?=\d)/, '')
                .replace(/\.$/, ''),
            );
            msg.fields
              .filter((f) => f.tag === '61')
              .forEach((f) => expect((f.parsed as StatementLine).amount).toMatch(/^\d+(\.\d+)?$/));
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
