import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type { MappingContext } from '../../core/translation/contract';
import { x12Codec } from '../codecs/x12';
import { x12FreightInvoiceMapping } from './x12-210.mapping';

const ctx: MappingContext = {
  partnerId: 'swift-drayage',
  receivedAt: '2025-07-16T14:00:00Z',
  settings: { timeZone: 'America/Chicago' },
};

const golden = (name: string) => join(__dirname, 'golden', name);
const run = (edit: (text: string) => string = (t) => t) => {
  const raw = Buffer.from(edit(readFileSync(golden('swift-drayage-invoice.edi'), 'utf8')));
  return x12Codec.decode(raw, x12Codec.detect(raw)!).map((m) => {
    const result = x12FreightInvoiceMapping.toCanonical(m, ctx);
    for (const d of result.documents) validateDocument(d.documentType, d.payload);
    return result;
  });
};

describe('X12 210 -> FreightInvoice', () => {
  it('maps the invoice as the golden file says (N2 amounts in cents, pounds to kg)', () => {
    const actual = JSON.parse(JSON.stringify(run()));
    const expected = readFileSync(golden('swift-drayage-invoice.expected.json'), 'utf8');
    expect(actual).toEqual(JSON.parse(expected));
  });

  it('warns when the charges do not add up to the stated total', () => {
    const [result] = run((t) => t.replace('L3*21605*G***184500', 'L3*21605*G***190000'));
    expect(result.documents[0].payload).toMatchObject({ totalAmount: { amount: '1900.00' } });
    expect(result.warnings).toEqual(['charges add up to 1845.00 USD, the invoice says 1900.00']);
  });

  it('reads USD with a warning when no C3 names the currency', () => {
    const [result] = run((t) => t.replace('C3*USD~\n', '').replace('SE*23', 'SE*22'));
    expect(result.documents[0].payload).toMatchObject({ currency: 'USD' });
    expect(result.warnings[0]).toMatch(/no C3/);
  });

  it('refuses an amount that is not X12 N2 cents, at its segment', () => {
    expect(() => run((t) => t.replace('165000', '1650.00'))).toThrow(
      expect.objectContaining({ location: expect.objectContaining({ segmentTag: 'L1' }) }),
    );
  });
});

describe('X12 210 structure (004010)', () => {
  it('places the golden invoice in its N1, N7 and LX loops without issues', () => {
    const input = readFileSync(join(__dirname, 'golden', 'swift-drayage-invoice.edi'));
    const [message] = x12Codec.decode(input, x12Codec.detect(input)!);
    const set = message.tree.set;
    expect(set.structure).toBe('210/004010');
    expect(set.issues).toEqual([]);
    const loopIds = set.body.flatMap((n) => ('loopId' in n ? [n.loopId] : []));
    expect(loopIds).toEqual(['N1', 'N1', 'N1', 'N7', 'LX', 'LX']);
  });
});
