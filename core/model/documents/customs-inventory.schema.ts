import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { NonNegativeDecimalSchema } from '../values/decimal.schema';
import { ChinaHsCodeSchema } from '../values/hs-code';
import { MoneySchema } from '../values/money.schema';
import { PartySchema } from '../values/party.schema';
import { CustomsQuantitySchema } from './customs-declaration.schema';
import {
  CebFilingSchema,
  CustomsCountrySchema,
  CustomsDistrictSchema,
  CustomsTransportModeSchema,
  TradeDirectionSchema,
} from './customs-filing.schema';

/** Freight or insurance on an export list, with its mark (fFlag/iFlag: 1 rate, 2 unit, 3 total). */
const ListChargeSchema = z.strictObject({
  value: MoneySchema,
  mark: z.enum(['1', '2', '3']).optional(),
});

export const InventoryLineSchema = z.strictObject({
  lineNo: z.number().int().positive(),
  itemNo: z.string().min(1).optional(),
  /** itemRecordNo: the bonded item record (账册) number. */
  itemRecordNo: z.string().min(1).optional(),
  itemName: z.string().min(1).optional(),
  hsCode: ChinaHsCodeSchema,
  goodsName: z.string().min(1),
  /** gmodel: declaration elements (申报要素). */
  declarationElements: z.string().min(1),
  barCode: z.string().min(1).optional(),
  /** Export: final destination country; import: country of origin. */
  country: CustomsCountrySchema,
  quantity: CustomsQuantitySchema,
  firstQuantity: CustomsQuantitySchema,
  secondQuantity: CustomsQuantitySchema.optional(),
  unitPrice: MoneySchema,
  total: MoneySchema,
  remarks: z.string().optional(),
});

/**
 * The customs list (申报清单) of one e-commerce parcel: CEB603 export (9610, or 1210 bonded
 * export) and CEB621 import (9610 direct purchase, 1210 bonded). Under 9610 the list is what
 * customs releases (清单核放); CEB701 later sums them into a declaration.
 */
export const CustomsInventorySchema = z.strictObject({
  filing: CebFilingSchema,
  direction: TradeDirectionSchema,
  customsCode: CustomsDistrictSchema,
  /** portCode: customs of exit (export) or entry (import). */
  portCode: CustomsDistrictSchema,
  clientRef: z.string().min(1).optional(),
  preEntryId: z.string().min(1).optional(),
  /** invtNo: the list number customs assigned. */
  inventoryNo: z.string().min(1).optional(),
  orderNo: z.string().min(1),
  logisticsNo: z.string().min(1),
  /** tradeMode (监管方式) as filed, e.g. 9610, 1210. */
  supervisionMode: z.string().regex(/^\d{4}$/, 'supervision mode has 4 digits'),
  /** ieDate: export or import date (optional on import lists). */
  ieDate: DateSchema.optional(),
  /** declTime: declaration date (import lists). */
  declarationDate: DateSchema.optional(),
  /** statisticsFlag (export): A simplified, B summary declaration. */
  statisticsFlag: z.enum(['A', 'B']).optional(),
  platform: PartySchema,
  /** ebc: the e-commerce enterprise, consignor or consignee on the list. */
  seller: PartySchema,
  carrier: PartySchema,
  agent: PartySchema,
  /** ownerCode/Name (export): the producer-seller. */
  owner: PartySchema.optional(),
  /** assureCode (import): the enterprise guaranteeing the tax. */
  guarantor: PartySchema.optional(),
  /** buyerName/buyerTelephone/consigneeAddress (import); the buyer's ID number is not kept. */
  buyer: PartySchema.optional(),
  /** areaCode/areaName (import) or iacCode/iacName (export): the bonded-area warehouse. */
  bondedWarehouse: PartySchema.optional(),
  /** emsNo: the bonded account book (账册). */
  emsNo: z.string().min(1).optional(),
  transportMode: CustomsTransportModeSchema,
  conveyanceName: z.string().min(1).optional(),
  voyageNo: z.string().min(1).optional(),
  blNo: z.string().min(1).optional(),
  bagNo: z.string().min(1).optional(),
  locationCode: z.string().min(1).optional(),
  licenseNo: z.string().min(1).optional(),
  /** Export: country of arrival (运抵国); import: country of departure (起运国). */
  country: CustomsCountrySchema,
  /** POD (export): port of destination code. */
  destinationPort: z.string().min(1).optional(),
  freight: ListChargeSchema,
  insurance: ListChargeSchema.optional(),
  /** wrapType as filed (customs package code). */
  packageType: z.string().min(1).optional(),
  packageCount: z.number().int().nonnegative(),
  grossWeightKg: NonNegativeDecimalSchema,
  netWeightKg: NonNegativeDecimalSchema,
  lines: z.array(InventoryLineSchema).min(1, 'a list has at least one goods line'),
  remarks: z.string().optional(),
});
export type CustomsInventory = z.infer<typeof CustomsInventorySchema>;

export const CustomsInventoryDocument = defineDocument({
  name: 'CustomsInventory',
  version: '1',
  schema: CustomsInventorySchema,
  defaultEventType: 'clearance.inventory.filed',
  refs: (v) =>
    collectRefs({
      orderNo: v.orderNo,
      trackingNo: v.logisticsNo,
      declarationNo: [v.inventoryNo, v.preEntryId, v.clientRef],
      blNo: v.blNo,
    }),
});

/** A request to withdraw a released or declared list: CEB605 (export), CEB623 (import). */
export const InventoryCancellationSchema = z.strictObject({
  filing: CebFilingSchema,
  direction: TradeDirectionSchema,
  customsCode: CustomsDistrictSchema,
  /** invtNo: the list to withdraw. */
  inventoryNo: z.string().min(1),
  clientRef: z.string().min(1).optional(),
  preEntryId: z.string().min(1).optional(),
  /** Import requests name the order and parcel too. */
  orderNo: z.string().min(1).optional(),
  logisticsNo: z.string().min(1).optional(),
  platform: PartySchema.optional(),
  seller: PartySchema,
  carrier: PartySchema.optional(),
  agent: PartySchema,
  buyer: PartySchema.optional(),
  reason: z.string().min(1),
  remarks: z.string().optional(),
});
export type InventoryCancellation = z.infer<typeof InventoryCancellationSchema>;

export const InventoryCancellationDocument = defineDocument({
  name: 'InventoryCancellation',
  version: '1',
  schema: InventoryCancellationSchema,
  defaultEventType: 'clearance.inventory-cancellation.filed',
  refs: (c) =>
    collectRefs({
      declarationNo: [c.inventoryNo, c.preEntryId, c.clientRef],
      orderNo: c.orderNo,
      trackingNo: c.logisticsNo,
    }),
});

/**
 * CEB701 汇总申报: the released 9610 export lists of a period summed into one declaration (the
 * one FX and the VAT rebate rely on). summaryFlag and itemNameFlag are kept as filed.
 */
export const SummaryDeclarationSchema = z.strictObject({
  filing: CebFilingSchema,
  customsCode: CustomsDistrictSchema,
  clientRef: z.string().min(1),
  preEntryId: z.string().min(1).optional(),
  /** sumNo: the summary number customs assigned. */
  summaryNo: z.string().min(1).optional(),
  agent: PartySchema,
  seller: PartySchema,
  declarationAgent: PartySchema,
  periodStart: DateTimeSchema.optional(),
  periodEnd: DateTimeSchema.optional(),
  locationCode: z.string().min(1).optional(),
  summaryFlag: z.string().min(1),
  itemNameFlag: z.string().min(1),
  batch: z.strictObject({
    count: z.number().int().positive(),
    seqNo: z.number().int().positive(),
  }),
  inventoryNos: z.array(z.string().min(1)).min(1, 'a summary lists at least one list'),
  remarks: z.string().optional(),
});
export type SummaryDeclaration = z.infer<typeof SummaryDeclarationSchema>;

export const SummaryDeclarationDocument = defineDocument({
  name: 'SummaryDeclaration',
  version: '1',
  schema: SummaryDeclarationSchema,
  defaultEventType: 'clearance.summary-declaration.filed',
  refs: (s) =>
    collectRefs({
      declarationNo: [s.summaryNo, s.preEntryId, s.clientRef, ...s.inventoryNos],
    }),
});
