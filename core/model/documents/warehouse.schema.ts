import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { ContainerNoSchema } from '../values/container-no';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { isValidGs1 } from '../values/gs1';
import { MoneySchema } from '../values/money.schema';
import { CountryCodeSchema } from '../values/country.codes';
import { HsCodeSchema } from '../values/hs-code';
import { NonNegativeDecimalSchema } from '../values/decimal.schema';
import { AddressSchema, ContactSchema } from '../values/party.schema';
import { UnitCodeSchema } from '../values/unit.schema';
import { MeasuresSchema, RawStatusSchema, RefNo, TransportModeSchema } from './common.schema';

const count = z.number().int().nonnegative();

/** The Rec 20 unit a line's count is in (H87 piece when absent); EDI partners state it per line. */
const unit = UnitCodeSchema.optional();

/** GTIN-12 (UPC-A), GTIN-13 (EAN) or GTIN-14 with a valid GS1 check digit. */
const GtinSchema = z
  .string()
  .regex(/^\d{12,14}$/, 'GTIN has 12, 13 or 14 digits')
  .refine(isValidGs1, 'GTIN: GS1 check digit does not match');

/** Who runs the warehouse and which one: 4PX, Goodcang, Winit, ShipBob ... */
const warehouse = {
  provider: z.string().min(1),
  warehouseCode: z.string().min(1),
};

/** Inbound (ASN / first leg) statuses normalised across providers (primer §4). */
export const InboundStatusSchema = z.enum([
  'DRAFT',
  'SUBMITTED',
  'IN_TRANSIT',
  'ARRIVED',
  'RECEIVING',
  'PUTAWAY_DONE',
  'PARTIAL',
  'EXCEPTION',
  'CANCELLED',
]);

/** Outbound (fulfillment) statuses normalised across providers (primer §4). */
export const OutboundStatusSchema = z.enum([
  'DRAFT',
  'SUBMITTED',
  'PICKING',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
  'EXCEPTION',
  'CANCELLED',
]);

/** An advance shipping notice to an overseas warehouse (4PX inbound, Goodcang GRN, ShipBob WRO). */
export const WarehouseInboundSchema = z.strictObject({
  /** Our reference for the inbound (4PX ref_no, ShipBob purchase order no.). */
  asnNo: RefNo,
  /** The warehouse's own number (4PX consignment_no, Goodcang receiving_code, WRO id). */
  warehouseRef: z.string().optional(),
  ...warehouse,
  /** What comes in: stock replenishment (default when absent) or customer returns (RMA). */
  inboundType: z.enum(['STOCK', 'RETURN']).optional(),
  fromWarehouseCode: z.string().optional(),
  status: InboundStatusSchema,
  rawStatus: RawStatusSchema.optional(),
  statusAt: DateTimeSchema.optional(),
  transportMode: TransportModeSchema.optional(),
  trackingNos: z.array(z.string().min(1)).optional(),
  containerNos: z.array(ContainerNoSchema).optional(),
  blNo: z.string().optional(),
  /** 9810 exports: the customs declaration(s) the booking (订仓单) is linked to. */
  declarationNos: z.array(RefNo).optional(),
  expectedArrival: DateTimeSchema.optional(),
  arrivedAt: DateTimeSchema.optional(),
  lines: z
    .array(
      z.strictObject({
        sku: z.string().min(1),
        expectedQty: count,
        receivedQty: count.optional(),
        damagedQty: count.optional(),
        unit,
        boxNo: z.string().optional(),
        batchNo: z.string().optional(),
      }),
    )
    .min(1, 'an inbound lists at least one SKU'),
  boxCount: count.optional(),
  measures: MeasuresSchema.optional(),
  declaredValue: MoneySchema.optional(),
});
export type WarehouseInbound = z.infer<typeof WarehouseInboundSchema>;

/** Stock per SKU at one moment, in the normalised quantities of primer §4. */
export const WarehouseInventorySchema = z.strictObject({
  ...warehouse,
  snapshotAt: DateTimeSchema,
  items: z.array(
    z.strictObject({
      sku: z.string().min(1),
      batchNo: z.string().optional(),
      available: count,
      reserved: count,
      inbound: count,
      unfulfillable: count,
      unit,
      inventoryAgeDays: count.optional(),
      expiryDate: DateSchema.optional(),
    }),
  ),
});
export type WarehouseInventory = z.infer<typeof WarehouseInventorySchema>;

/**
 * The warehouse's item master: the SKUs it knows for a client, with what customs and carriers
 * need of each (GTIN, HS code, origin, unit value, weight and size). Stock levels are not
 * part of it (WarehouseInventory carries them).
 */
export const ItemMasterSchema = z.strictObject({
  provider: z.string().min(1),
  /** When the list was read (the provider's listing has no snapshot time). */
  asOf: DateTimeSchema,
  items: z
    .array(
      z.strictObject({
        sku: z.string().min(1),
        name: z.string().min(1),
        /** The provider's own ids: product, variant, inventory item. */
        warehouseRef: z.string().optional(),
        status: z.enum(['ACTIVE', 'INACTIVE']),
        gtin: GtinSchema.optional(),
        /** A barcode that is no GTIN (the provider's label, a UPC without check digit ...). */
        barcode: z.string().optional(),
        hsCode: HsCodeSchema.optional(),
        countryOfOrigin: CountryCodeSchema.optional(),
        customsDescription: z.string().optional(),
        unitValue: MoneySchema.optional(),
        weightKg: NonNegativeDecimalSchema.optional(),
        dimensionsCm: z
          .strictObject({
            length: NonNegativeDecimalSchema,
            width: NonNegativeDecimalSchema,
            height: NonNegativeDecimalSchema,
          })
          .optional(),
        lotControlled: z.boolean().optional(),
        dangerousGoods: z.boolean().optional(),
        updatedAt: DateTimeSchema.optional(),
      }),
    )
    .min(1, 'an item master lists at least one SKU'),
});
export type ItemMaster = z.infer<typeof ItemMasterSchema>;

/** An outbound order to pick, pack and ship from a warehouse. */
export const FulfillmentOrderSchema = z.strictObject({
  fulfillmentNo: RefNo,
  warehouseRef: z.string().optional(),
  ...warehouse,
  orderNos: z.array(RefNo).optional(),
  status: OutboundStatusSchema,
  rawStatus: RawStatusSchema.optional(),
  createdAt: DateTimeSchema,
  /**
   * Consignee. Absent only on an order received without one (an X12 940 without N1 ST): it is
   * kept so operators see it, and every renderer to a warehouse refuses it at /shipTo.
   */
  shipTo: z
    .strictObject({
      name: z.string().min(1),
      address: AddressSchema,
      contact: ContactSchema.optional(),
    })
    .optional(),
  /** Carrier service the warehouse should use, as the provider names it. */
  shippingService: z.string().optional(),
  /** Day the goods should leave the warehouse (X12 940 G62 qualifier 10). */
  requestedShipDate: DateSchema.optional(),
  lines: z
    .array(
      z.strictObject({
        sku: z.string().min(1),
        quantity: count.min(1),
        unit,
        gtin: GtinSchema.optional(),
        description: z.string().optional(),
      }),
    )
    .min(1, 'a fulfillment order ships at least one SKU'),
  declaredValue: MoneySchema.optional(),
});
export type FulfillmentOrder = z.infer<typeof FulfillmentOrderSchema>;

/** A status change of an outbound order; the provider's raw status is always kept. */
export const FulfillmentEventSchema = z.strictObject({
  fulfillmentNo: RefNo,
  warehouseRef: z.string().optional(),
  ...warehouse,
  orderNos: z.array(RefNo).optional(),
  status: OutboundStatusSchema,
  rawStatus: RawStatusSchema,
  occurredAt: DateTimeSchema,
  carrier: z.string().optional(),
  trackingNos: z.array(z.string().min(1)).optional(),
  shippedLines: z
    .array(
      z.strictObject({
        sku: z.string().min(1),
        quantity: count,
        /** What the order asked for, when the provider reports it: a short-ship shows here. */
        orderedQty: count.optional(),
        unit,
      }),
    )
    .optional(),
  reason: z.string().optional(),
});
export type FulfillmentEvent = z.infer<typeof FulfillmentEventSchema>;

export const WarehouseInboundDocument = defineDocument({
  name: 'WarehouseInbound',
  version: '1',
  schema: WarehouseInboundSchema,
  defaultEventType: 'warehouse.inbound.updated',
  refs: (a) =>
    collectRefs({
      asnNo: [a.asnNo, a.warehouseRef],
      trackingNo: a.trackingNos,
      containerNo: a.containerNos,
      blNo: a.blNo,
      declarationNo: a.declarationNos,
    }),
});

export const WarehouseInventoryDocument = defineDocument({
  name: 'WarehouseInventory',
  version: '1',
  schema: WarehouseInventorySchema,
  defaultEventType: 'warehouse.inventory.snapshot',
  // A stock snapshot belongs to no single trade.
  refs: () => ({}),
});

export const ItemMasterDocument = defineDocument({
  name: 'ItemMaster',
  version: '1',
  schema: ItemMasterSchema,
  defaultEventType: 'warehouse.item-master.updated',
  // Product data belongs to no single trade.
  refs: () => ({}),
});

export const FulfillmentOrderDocument = defineDocument({
  name: 'FulfillmentOrder',
  version: '1',
  schema: FulfillmentOrderSchema,
  defaultEventType: 'warehouse.fulfillment.created',
  refs: (f) =>
    collectRefs({ fulfillmentNo: [f.fulfillmentNo, f.warehouseRef], orderNo: f.orderNos }),
});

export const FulfillmentEventDocument = defineDocument({
  name: 'FulfillmentEvent',
  version: '1',
  schema: FulfillmentEventSchema,
  defaultEventType: 'warehouse.fulfillment.status',
  refs: (f) =>
    collectRefs({
      fulfillmentNo: [f.fulfillmentNo, f.warehouseRef],
      orderNo: f.orderNos,
      trackingNo: f.trackingNos,
    }),
});
