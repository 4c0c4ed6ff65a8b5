import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type { MappingContext } from '../../core/translation/contract';
import { jsonCodec } from '../codecs/json/json.codec';
import { goldenFolder, tradeErrorOf } from '../json-support/golden.test-support';
import { amazonMappings, shopeeOrderDetailMapping, shopeeOrderPushMapping } from './index';

// Fixture trees are edited in place by the refusal cases.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON fixtures, any shape
type Tree = Record<string, any>;

const golden = goldenFolder(join(__dirname, 'golden'));
const mappings = [shopeeOrderDetailMapping, shopeeOrderPushMapping, ...amazonMappings];

const ctxFor = (name: string): MappingContext => ({
  partnerId: name.startsWith('shopee') ? 'shopee-sg-600123' : 'amazon-na',
  receivedAt: '2026-11-04T04:00:00Z',
  settings: name.startsWith('shopee')
    ? { shopId: '600123', sellerName: 'Ningbo Homeware Co., Ltd.', customsMode: '9610' }
    : { sellerName: 'Ningbo Homeware Co., Ltd.', customsMode: '9610' },
});

/** Detects the case with the real JSON codec, then maps it with the mapping of its type. */
function runCase(name: string, tree: unknown = golden.read(`${name}.json`)) {
  const bytes = Buffer.from(JSON.stringify(tree));
  const detection = jsonCodec.detect(bytes)!;
  const mapping = mappings.find((m) => m.messageTypes.includes(detection.messageType ?? ''));
  if (!mapping) throw new Error(`no mapping for ${detection.messageType}`);
  const result = mapping.toCanonical({ detection, index: 0, tree }, ctxFor(name));
  for (const doc of result.documents) validateDocument(doc.documentType, doc.payload);
  return { messageType: detection.messageType, ...result };
}

describe('Shopee and Amazon -> canonical (golden)', () => {
  it.each(golden.cases)('%s gives the expected result', (name) => {
    expect(JSON.parse(JSON.stringify(runCase(name)))).toEqual(golden.read(`${name}.expected.json`));
  });
});

describe('refusals, located by JSON pointer', () => {
  const read = (name: string) => golden.read(`${name}.json`) as Tree;
  it('an unknown Shopee order status', () => {
    const tree = read('shopee-detail-sg-crossborder');
    tree.response.order_list[0].order_status = 'LOST';
    const e = tradeErrorOf(() => runCase('shopee-x', tree));
    expect([e.location, e.code]).toEqual([{ pointer: '/response/order_list/0/order_status' }, 'UNKNOWN_CODE']);
  });

  it('a Shopee error answer', () => {
    const tree = { ...read('shopee-detail-sg-crossborder'), error: 'error_auth', message: 'Invalid access_token.' };
    expect(tradeErrorOf(() => runCase('shopee-x', tree)).code).toBe('PARTNER_ERROR');
  });

  it('an Amazon amount that is not a decimal', () => {
    const tree = read('amazon-order-mfn');
    tree.payload.OrderTotal.Amount = '63,48';
    expect(tradeErrorOf(() => runCase('amazon-x', tree)).location).toEqual({ pointer: '/payload/OrderTotal/Amount' });
  });

  it('an ORDER_CHANGE from an unknown marketplace', () => {
    const tree = read('amazon-order-change-cancel-request');
    tree.Payload.OrderChangeNotification.Summary.MarketplaceId = 'AXXXXXXXX';
    const e = tradeErrorOf(() => runCase('amazon-x', tree));
    expect(e.location).toEqual({ pointer: '/Payload/OrderChangeNotification/Summary/MarketplaceId' });
  });
});
