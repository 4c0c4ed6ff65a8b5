import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import { createEdifactCodec, edifactCodec } from '../codecs/edifact';
import { invoicMapping } from './invoic.mapping';

const golden = (name: string) => join(__dirname, 'golden', name);
const ctx = { partnerId: 'cixi-aurora', receivedAt: '2025-05-02T02:20:00Z' };
const map = (text: string, checks?: 'strict' | 'lenient', settings?: Record<string, unknown>) => {
  const raw = Buffer.from(text, 'latin1');
  const [message] = edifactCodec.decode(raw, edifactCodec.detect(raw)!);
  return invoicMapping.toCanonical(message, { ...ctx, checks, settings });
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

  it("takes the partner's declared currency, with a warning, when the invoice names none", () => {
    const noCux = text.replace("CUX+2:USD:4'", "CUX+2'");
    expect(() => map(noCux)).toThrow(
      expect.objectContaining({
        code: 'missing-currency',
        message: expect.stringMatching(/`currency` setting/),
      }),
    );
    const result = map(noCux, undefined, { currency: 'USD' });
    expect(result.documents[0].payload).toMatchObject({
      currency: 'USD',
      totalAmount: { currency: 'USD' },
    });
    expect(result.warnings).toContainEqual(
      "INVOIC names no currency (CUX or MOA 6345): the partner's USD is used",
    );
  });

  it('names everything a bare invoice lacks in one located refusal', () => {
    const bare =
      "UNB+UNOA:1+SELLER:1+BUYER:1+250502:1020+R1'UNH+1+INVOIC:D:97B:UN'BGM+380+342459+9'DTM+137:20250502:102'NAD+SE+005435656::16++WIDGET CO'UNT+5+1'UNZ+1+R1'";
    // Structure checks are relaxed (no UNS, as the syntax samples partners test with): the
    // mapping, not the codec, has to say what is missing.
    const raw = Buffer.from(bare, 'latin1');
    const lenient = createEdifactCodec({ checks: 'lenient' });
    const [message] = lenient.decode(raw, edifactCodec.detect(raw)!);
    expect(() => invoicMapping.toCanonical(message, ctx)).toThrow(
      expect.objectContaining({
        code: 'missing-currency',
        message:
          'INVOIC names no currency (CUX, MOA 6345 or the `currency` setting), no buyer (NAD BY, IV or BT), no line (LIN) (segment 3 BGM)',
        location: expect.objectContaining({ segmentTag: 'BGM', segmentIndex: 3 }),
      }),
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
