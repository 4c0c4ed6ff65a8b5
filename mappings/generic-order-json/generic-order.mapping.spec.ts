import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import { validateDocument } from '../../core/model/documents';
import type { DecodedMessage } from '../../core/translation/contract';
import { genericOrderMapping } from './generic-order.mapping';
import type { SalesOrder } from '../../core/model/documents/commerce.schema';

const golden = (name: string) => JSON.parse(readFileSync(join(__dirname, 'golden', name), 'utf8'));
const decoded = (tree: unknown): DecodedMessage => ({
  detection: { format: 'json', standard: 'JSON', messageType: 'generic.order' },
  index: 0,
  tree,
});
const ctx = { partnerId: 'acme-webshop', receivedAt: '2026-11-20T02:00:05Z' };

describe('generic order JSON -> SalesOrder', () => {
  it('maps the golden order, with line amounts rounded to cents and totals in decimals', () => {
    const result = genericOrderMapping.toCanonical(
      decoded(golden('order-fob-ningbo.input.json')),
      ctx,
    );
    expect(result.documents).toHaveLength(1);
    const doc = result.documents[0];
    expect(doc.documentType).toBe('SalesOrder');
    const order = validateDocument('SalesOrder', doc.payload);
    expect(JSON.parse(JSON.stringify(order))).toEqual(golden('order-fob-ningbo.expected.json'));
  });

  const mappingError = (input: unknown): TradeError => {
    try {
      genericOrderMapping.toCanonical(decoded(input), ctx);
    } catch (e) {
      return e as TradeError;
    }
    throw new Error('expected a mapping error');
  };

  it("carries a cross-border buyer's identity to the SalesOrder, where it is checked", () => {
    const input = golden('order-fob-ningbo.input.json');
    const identity = {
      idType: '1',
      idNumber: '11010519491231002X',
      name: '张小明',
      telephone: '13812345678',
    };
    input.buyer.identity = identity;
    const [doc] = genericOrderMapping.toCanonical(decoded(input), ctx).documents;
    const order: SalesOrder = validateDocument('SalesOrder', doc.payload);
    expect(order.buyer.identity).toEqual(identity);
    input.buyer.identity = { ...identity, idNumber: '110105194912310021' };
    const [bad] = genericOrderMapping.toCanonical(decoded(input), ctx).documents;
    // The error names the field, never the number.
    expect(() => validateDocument('SalesOrder', bad.payload)).toThrow(
      /^(?!.*110105194912310021).*\/buyer\/identity\/idNumber: not a mainland resident ID/,
    );
  });

  it('locates a float price by JSON pointer', () => {
    const input = golden('order-fob-ningbo.input.json');
    input.lines[1].unitPrice = 2.105;
    const err = mappingError(input);
    expect(err).toBeInstanceOf(TradeError);
    expect(err.kind).toBe('mapping');
    expect(err.location).toEqual({ pointer: '/lines/1/unitPrice' });
  });

  it('refuses an unknown currency at /currency', () => {
    expect(
      mappingError({ ...golden('order-fob-ningbo.input.json'), currency: 'XYZ' }).location,
    ).toEqual({ pointer: '/currency' });
  });

  it('leaves canonical rules to schema validation (a bad HS code)', () => {
    const input = golden('order-fob-ningbo.input.json');
    input.lines[0].hsCode = '69A2';
    const doc = genericOrderMapping.toCanonical(decoded(input), ctx).documents[0];
    expect(() => validateDocument('SalesOrder', doc.payload)).toThrow(/\/lines\/0\/hsCode/);
  });
});
