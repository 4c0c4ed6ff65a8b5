import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import { validateDocument } from '../../core/model/documents';
import type { DecodedMessage } from '../../core/translation/contract';
import { jsonCodec } from '../codecs/json/json.codec';
import { vatInvoiceJsonMapping } from './vat-invoice-json.mapping';

const input = () =>
  JSON.parse(readFileSync(join(__dirname, 'golden', 'digital-special.input.json'), 'utf8'));
const decoded = (tree: unknown): DecodedMessage => ({
  detection: { format: 'json', standard: 'TradeHub', messageType: 'generic.vat-invoice' },
  index: 0,
  tree,
});
const ctx = { partnerId: 'factory-erp', receivedAt: '2026-04-21T02:00:05Z' };
const locationOf = (tree: unknown) => {
  try {
    vatInvoiceJsonMapping.toCanonical(decoded(tree), ctx);
  } catch (e) {
    expect(e).toBeInstanceOf(TradeError);
    expect((e as TradeError).kind).toBe('mapping');
    return (e as TradeError).location;
  }
  throw new Error('expected a mapping error');
};

describe('VAT invoice JSON -> VatInvoice', () => {
  it('is detected by its shape', () => {
    const bytes = Buffer.from(JSON.stringify(input()));
    expect(jsonCodec.detect(bytes)?.messageType).toBe('generic.vat-invoice');
  });

  it('maps the golden invoice to a valid VatInvoice, amounts to the fen', () => {
    const [doc] = vatInvoiceJsonMapping.toCanonical(decoded(input()), ctx).documents;
    expect([doc.documentType, doc.eventType]).toEqual([
      'VatInvoice',
      'rebate.vat-invoice.received',
    ]);
    const expected = JSON.parse(
      readFileSync(join(__dirname, 'golden', 'digital-special.expected.json'), 'utf8'),
    );
    expect(JSON.parse(JSON.stringify(validateDocument('VatInvoice', doc.payload)))).toEqual(
      expected,
    );
  });

  it('refuses items that do not add up to the totals, at the total', () => {
    // Items 80,000.00 + 16,000.00 = 96,000.00, not 97,000.00.
    expect(locationOf({ ...input(), totalAmount: '97000.00' })).toEqual({
      pointer: '/totalAmount',
    });
    // Tax 10,400.00 + 2,080.00 = 12,480.00, not 12,400.00.
    expect(locationOf({ ...input(), totalTax: '12400.00' })).toEqual({ pointer: '/totalTax' });
    // 96,000.00 + 12,480.00 = 108,480.00.
    expect(locationOf({ ...input(), totalWithTax: '108400.00' })).toEqual({
      pointer: '/totalWithTax',
    });
  });

  it('locates a float amount by JSON pointer', () => {
    const bad = input();
    bad.items[1].amount = 16000;
    expect(locationOf(bad)).toEqual({ pointer: '/items/1/amount' });
  });
});
