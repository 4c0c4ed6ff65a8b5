import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import { x12Codec } from '../codecs/x12';
import { FormatRegistry } from '../pipeline/format-registry';
import { translate } from '../pipeline/translate';
import { goldenContext } from './x12-golden.testing';
import {
  exampleUs3plSettings,
  X12WarehouseSettingsSchema,
  x12WarehouseInboundMappings,
  x12WarehouseOutboundMappings,
} from './index';

const golden = (folder: string, file: string) =>
  readFileSync(join(__dirname, '..', folder, 'golden', file), 'utf8');

describe('x12-warehouse index', () => {
  it('exports one inbound mapping per 3PL message and the 940 outbound', () => {
    expect(x12WarehouseInboundMappings.flatMap((m) => m.messageTypes)).toEqual([
      '945',
      '944',
      '846',
    ]);
    expect(x12WarehouseOutboundMappings.map((m) => [m.documentType, m.format])).toEqual([
      ['FulfillmentOrder', 'x12'],
    ]);
    const ids = [...x12WarehouseInboundMappings, ...x12WarehouseOutboundMappings].map((m) => m.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('has an example partner record the schema accepts, with its defaults filled in', () => {
    const settings = X12WarehouseSettingsSchema.parse(exampleUs3plSettings);
    expect(settings).toMatchObject({
      version: '004010',
      skuQualifier: 'VN',
      separators: { element: '*', component: '>', segment: '~' },
      timeZone: 'America/Los_Angeles',
    });
  });

  it('runs the golden inputs through the translation pipeline, several interchanges at once', () => {
    const registry = new FormatRegistry().addCodec(x12Codec);
    x12WarehouseInboundMappings.forEach((m) => registry.addInbound(m));
    x12WarehouseOutboundMappings.forEach((m) => registry.addOutbound(m));
    const input = Buffer.from(
      golden('x12-945', 'parcel-short-ship.edi') +
        golden('x12-944', 'ontario-short-damaged.edi') +
        golden('x12-846', 'two-warehouses.edi'),
    );
    const result = translate(input, {
      registry,
      context: goldenContext,
      validate: validateDocument,
      requireMapping: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.messages.flatMap((m) => m.documents.map((d) => d.documentType))).toEqual([
      'FulfillmentEvent',
      'WarehouseInbound',
      'WarehouseInventory',
      'WarehouseInventory',
    ]);
    expect(registry.outboundFor('FulfillmentOrder', 'x12')?.id).toBe(
      'x12-940-warehouse-shipping-order',
    );
  });
});
