import { z } from 'zod';
import { WAREHOUSE_INBOUND_CREATE, WAREHOUSE_OUTBOUND_CREATE } from '../../mappings/warehouse-rest';
import { PartnerApiSettingsSchema } from '../transports/http/http-settings.schema';

const direction = (value: 'in' | 'out') => z.enum(['in', 'out', 'both']).default(value);
const dialect = z.enum(['4px', 'shipbob']).default('4px');

/** The API method of each rendered message type on a 4PX-style single signed endpoint. */
export const DEFAULT_FPX_METHODS: Record<string, string> = {
  [WAREHOUSE_INBOUND_CREATE]: 'fu.wms.inbound.create',
  [WAREHOUSE_OUTBOUND_CREATE]: 'fu.wms.outbound.create',
};

/**
 * Calls to the warehouse: 4PX style, one endpoint (`baseUrl`) with the API method and sign
 * in the query (auth `signed-query`); or REST paths per message type (`paths`, e.g.
 * `POST /2.0/receiving` with a ShipBob bearer token), which take precedence when listed.
 */
export const WarehouseRestSettingsSchema = PartnerApiSettingsSchema.extend({
  kind: z.literal('warehouse-rest'),
  direction: direction('out'),
  dialect,
  methods: z.record(z.string(), z.string()).default(DEFAULT_FPX_METHODS),
  paths: z
    .record(z.string(), z.string().regex(/^(POST|PUT|PATCH) \/\S*$/, '"POST /path"'))
    .default({}),
});
export type WarehouseRestSettings = z.infer<typeof WarehouseRestSettingsSchema>;

/** The periodic stock query (`fu.wms.inventory.get`), page by page, per warehouse. */
export const WarehouseInventoryPollSettingsSchema = PartnerApiSettingsSchema.extend({
  kind: z.literal('warehouse-inventory-poll'),
  direction: direction('in'),
  dialect,
  method: z.string().default('fu.wms.inventory.get'),
  /** One query per warehouse code; none: one query over all the partner's warehouses. */
  warehouseCodes: z.array(z.string().min(1)).default([]),
  pageSize: z.number().int().min(1).max(1000).default(100),
  maxPages: z.number().int().min(1).default(50),
});
export type WarehouseInventoryPollSettings = z.infer<typeof WarehouseInventoryPollSettingsSchema>;

/** Signed pushes (recipe in README.md): the partner's app key and secret, a replay window. */
export const WarehouseInboundSettingsSchema = z.object({
  kind: z.literal('http-inbound'),
  direction: direction('in'),
  appKey: z.string().min(1),
  appSecret: z.string().min(8),
  algorithm: z.enum(['md5', 'hmac-sha256']).default('md5'),
  maxSkewSeconds: z.number().int().positive().default(300),
});
export type WarehouseInboundSettings = z.infer<typeof WarehouseInboundSettingsSchema>;
