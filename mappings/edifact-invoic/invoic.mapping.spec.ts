import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import { edifactCodec } from '../codecs/edifact';
import { invoicMapping } from './invoic.mapping';

const golden = (name: string) => join(__dirname, 'golden', name);
const ctx = { partnerId: 'cixi-aurora', receivedAt: '2025-05-02T02:20:00Z' };
const map = (text: string, checks?: 'strict' | 'lenient') => {
  const raw = Buffer.from(text, 'latin1');
  const [message] = edifactCodec.decode(raw, edifactCodec.detect(raw)!);
  return invoicMapping.toCanonical(message, { ...ctx, checks });
};

describe('EDIFACT INVOIC -> CommercialInvoice', () => {
  const text = readFileSync(golden('cixi-aurora-invoice.edi'), 'latin1');

  it('maps the invoice as the golden file says (price x quantity where MOA 203 is missing)', () => {
    const result = map(text);
    for (const d of result.documents) validateDocument(d.documentType, d.payload);
    const expected = readFileSync(golden('cixi-aurora-invoice.expected.json'), 'utf8');
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(expected));
  });

  it('reads a DTM 137 written CCYYMMDDHHMM under format 102 only with lenient checks', () => {
    const timed = text.replace("DTM+137:20250502:102'", "DTM+137:202505020000:102'");
    expect(() => map(timed)).toThrow(
      expect.objectContaining({ location: expect.objectContaining({ segmentTag: 'DTM' }) }),
    );
    const result = map(timed, 'lenient');
    expect(result.documents[0].payload).toMatchObject({ issueDate: '2025-05-02' });
    expect(result.warnings).toContainEqual(
      'segment 4 DTM 137: "202505020000" is longer than format 102: read as 203',
    );
  });

  it('refuses an invoice without a buyer, at its BGM', () => {
    const noBuyer = text.replace(/NAD\+BY[^']*'/, "NAD+CN+++NORTHGATE RETAIL LTD.'");
    expect(() => map(noBuyer)).toThrow(
      expect.objectContaining({
        code: 'missing-party',
        location: expect.objectContaining({ segmentTag: 'BGM' }),
      }),
    );
  });
});
