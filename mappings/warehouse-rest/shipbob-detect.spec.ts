import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonCodec } from '../codecs/json/json.codec';
import { warehouseInboundMapping } from './warehouse.mappings';

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
