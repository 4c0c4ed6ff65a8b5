import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonCodec } from '../codecs/json/json.codec';
import { warehouseInboundMapping } from './warehouse.mappings';
import { parseOnlyReason } from '../pipeline/parse-only';

describe('ShipBob WRO known by its shape', () => {
  it('detects a WRO and maps it without a shipbob dialect setting', () => {
    const raw = readFileSync(join(__dirname, 'golden', 'shipbob-wro-partial-boxes.json'));
    const [message] = jsonCodec.decode(raw, jsonCodec.detect(raw)!);
    expect(message.detection).toMatchObject({
      standard: 'ShipBob',
      messageType: 'warehouse.inbound',
    });
    const ctx = { partnerId: 'any-3pl', receivedAt: '2025-05-02T00:00:00Z', settings: {} };
    const expected = JSON.parse(
      readFileSync(join(__dirname, 'golden', 'shipbob-wro-partial-boxes.expected.json'), 'utf8'),
    ) as { documents?: Array<{ payload: { lines: unknown } }> };
    const [doc] = warehouseInboundMapping.toCanonical(message, ctx).documents;
    expect(doc.documentType).toBe('WarehouseInbound');
    expect((doc.payload as { lines: unknown }).lines).toEqual(
      expected.documents?.[0].payload.lines,
    );
  });
});

describe('other ShipBob lists known by their shape', () => {
  const detect = (value: unknown) => {
    const raw = Buffer.from(JSON.stringify(value));
    return jsonCodec.detect(raw)?.messageType;
  };

  it('detects a product list as the item master', () => {
    const raw = readFileSync(join(__dirname, 'golden', 'shipbob-products-kettle-variants.json'));
    expect(jsonCodec.detect(raw)).toMatchObject({
      standard: 'ShipBob',
      messageType: 'warehouse.item-master',
    });
  });

  it('detects a WRO box list on its own (parse-only: it names no WRO)', () => {
    const boxes = [{ box_id: 1, box_number: 1, box_items: [{ inventory_id: 9, quantity: 2 }] }];
    expect(detect(boxes)).toBe('warehouse.inbound-boxes');
    expect(parseOnlyReason({ format: 'json', messageType: 'warehouse.inbound-boxes' })).toMatch(
      /names no WRO/,
    );
  });
});
