import { z } from 'zod';
import { DateTimeSchema } from '../../../../core/model/values/datetime.schema';
import { UnLocodeSchema } from '../../../../core/model/values/location.schema';
import { EventClassifierSchema } from '../../../../core/model/documents/logistics-event.schema';

/**
 * Payloads of the envelopes the logistics handlers publish themselves. They are not canonical
 * partner documents, so they live here, versioned like them (documentType + version '1').
 */

export const EtaSchema = z.strictObject({
  at: DateTimeSchema,
  classifier: EventClassifierSchema,
  unLocode: UnLocodeSchema.optional(),
  /** The timeline entry (shipmentEventIdentity) the ETA comes from. */
  identity: z.string(),
});

/** `logistics.shipment.eta-changed`, documentType `EtaChange`: the arrival at POD moved. */
export const EtaChangeSchema = z.strictObject({
  blNo: z.string().min(1),
  bookingNos: z.array(z.string()).optional(),
  containerNos: z.array(z.string()).optional(),
  portOfDischarge: UnLocodeSchema.optional(),
  oldEta: EtaSchema,
  newEta: EtaSchema,
  /** Signed minutes from old to new (positive: later). */
  delayMinutes: z.number().int(),
});
export type EtaChange = z.infer<typeof EtaChangeSchema>;
export const ETA_CHANGED = { type: 'logistics.shipment.eta-changed', documentType: 'EtaChange' };

/** `warehouse.stock.low`, documentType `StockAlert`: available stock fell to the threshold. */
export const StockAlertSchema = z.strictObject({
  provider: z.string().min(1),
  warehouseCode: z.string().min(1),
  sku: z.string().min(1),
  available: z.number().int(),
  reserved: z.number().int(),
  inbound: z.number().int(),
  threshold: z.number().int().nonnegative(),
  /** When the movement or snapshot that crossed the threshold happened. */
  observedAt: DateTimeSchema,
  /** What crossed it: WarehouseInventory, FulfillmentEvent, WarehouseInbound or a threshold. */
  cause: z.string().min(1),
});
export type StockAlert = z.infer<typeof StockAlertSchema>;
export const STOCK_LOW = { type: 'warehouse.stock.low', documentType: 'StockAlert' };
