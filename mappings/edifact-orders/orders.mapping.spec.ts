import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import { edifactCodec } from '../codecs/edifact';
import { ordersMapping } from './orders.mapping';

const golden = (name: string) => join(__dirname, 'golden', name);
const ctx = { partnerId: 'northgate-retail', receivedAt: '2025-04-02T09:05:00Z' };
const map = (text: string) => {
  const raw = Buffer.from(text, 'latin1');
  const [message] = edifactCodec.decode(raw, edifactCodec.detect(raw)!);
  return ordersMapping.toCanonical(message, ctx);
};

describe('EDIFACT ORDERS -> PurchaseOrder', () => {
  const text = readFileSync(golden('northgate-retail-order.edi'), 'latin1');

  it('maps the order as the golden file says (no price on line 2, packaging unit kept)', () => {
    const result = map(text);
    for (const d of result.documents) validateDocument(d.documentType, d.payload);
    const expected = readFileSync(golden('northgate-retail-order.expected.json'), 'utf8');
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(expected));
  });

  it('refuses an order without a supplier, at its BGM', () => {
    const noSupplier = text.replace(/NAD\+SU[^']*'/, "NAD+UC+++SOMEONE'");
    expect(() => map(noSupplier)).toThrow(
      expect.objectContaining({
        code: 'missing-party',
        location: expect.objectContaining({ segmentTag: 'BGM' }),
      }),
    );
  });
});
