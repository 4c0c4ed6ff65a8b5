import { z } from 'zod';
import { collectRefs, defineDocument } from '../define-document';
import { CountryCodeSchema } from '../values/country.codes';
import { DateSchema, DateTimeSchema } from '../values/datetime.schema';
import { NonNegativeDecimalSchema } from '../values/decimal.schema';
import { ChinaHsCodeSchema } from '../values/hs-code';
import { CurrencyCodeSchema, MoneySchema } from '../values/money.schema';
import { PartySchema, partyId } from '../values/party.schema';
import { RawStatusSchema, RefNo } from './common.schema';

// China customs codes are kept as the strings the Single Window uses (primer §1.1).
const digits = (n: number, what: string) =>
  z.string().regex(new RegExp(`^\\d{${n}}$`), `${what} has ${n} digits`);

/** Quantity in a China customs unit (3-digit code, e.g. 035 kg, 007 piece). */
export const CustomsQuantitySchema = z.strictObject({
  value: NonNegativeDecimalSchema,
  unit: digits(3, 'customs unit code'),
});

/**
 * Freight, insurance or other charges: mark 1 = rate (%), 2 = unit price, 3 = total
 * (meanings per primer §1.1, not confirmed by an official source).
 */
export const DeclarationChargeSchema = z.strictObject({
  mark: z.enum(['1', '2', '3']),
  value: NonNegativeDecimalSchema,
  currency: CurrencyCodeSchema.optional(),
});

export const DeclarationLineSchema = z.strictObject({
  /** gNo */
  lineNo: z.number().int().positive(),
  /** codeTs: the 10-digit commodity code. */
  hsCode: ChinaHsCodeSchema,
  ciqCode: digits(3, 'CIQ supplement code').optional(),
  goodsName: z.string().min(1),
  /** gModel: declaration elements (申报要素), pipe-separated as declared. */
  declarationElements: z.string().optional(),
  declaredUnitPrice: MoneySchema,
  declaredTotal: MoneySchema,
  /** gQty/gUnit: the transaction quantity. */
  quantity: CustomsQuantitySchema,
  /** firstQty/firstUnit: statutory first quantity, used for rebate matching. */
  firstQuantity: CustomsQuantitySchema,
  secondQuantity: CustomsQuantitySchema.optional(),
  originCountry: CountryCodeSchema,
  destinationCountry: CountryCodeSchema,
  /** districtCode: domestic source (export) or destination (import) of the goods. */
  districtCode: z
    .string()
    .regex(/^\d{5}$/, 'district code has 5 digits')
    .optional(),
  /** dutyMode: levy method (征免方式). */
  dutyMode: z.string().min(1).optional(),
});

/** 暂存 draft -> 申报 declared -> 入库 entered -> 审结 reviewed -> 放行 released -> 结关 closed. */
export const DeclarationStatusSchema = z.enum([
  'DRAFT',
  'DECLARED',
  'ENTERED',
  'REVIEWED',
  'INSPECTION',
  'RELEASED',
  'CLOSED',
  'REJECTED',
]);

const header = {
  /** Enterprise's own number (copNo); a draft may have only this. */
  clientRef: z.string().min(1).optional(),
  /** Pre-entry / unified number (统一编号). */
  preEntryId: z.string().min(1).optional(),
  /** Customs entry number (海关编号), assigned when the declaration enters customs DB. */
  entryId: z.string().min(1).optional(),
  status: DeclarationStatusSchema.optional(),
  rawStatus: RawStatusSchema.optional(),
  /** customMaster: customs office of declaration. */
  customsCode: digits(4, 'customs district code'),
  /** iePort: customs of exit (exports) or entry (imports). */
  portCustomsCode: digits(4, 'customs district code'),
  declarationDate: DateSchema.optional(),
  /** supvModeCdde: supervision mode, e.g. 0110 general trade, 9610 cross-border B2C. */
  supervisionMode: digits(4, 'supervision mode'),
  /** cutMode: levy nature, 101 = general taxation. */
  levyNature: digits(3, 'levy nature').optional(),
  /** transMode: 1 CIF, 2 C&F, 3 FOB, 4 C&I, 5 market price, 6 垫仓, 7 EXW. */
  transactionMode: z.enum(['1', '2', '3', '4', '5', '6', '7']),
  /** cusTrafMode (road = 4), trafName, voyageNo, billNo. */
  transportMode: z.string().regex(/^[0-9A-Z]$/, 'transport mode is 1 character'),
  conveyanceName: z.string().optional(),
  voyageNo: z.string().optional(),
  blNo: z.string().max(32).optional(),
  /** despPortCode and distinatePort, 6-character customs port codes. */
  departurePortCode: z.string().length(6).optional(),
  destinationPortCode: z.string().length(6).optional(),
  /** cusTradeNationCode: trading country. */
  tradeCountry: CountryCodeSchema,
  contractNo: z.string().optional(),
  invoiceNos: z.array(RefNo).optional(),
  packageCount: z.number().int().nonnegative(),
  /** wrapType: 2-character customs package type. */
  packageType: z.string().length(2),
  grossWeightKg: NonNegativeDecimalSchema,
  netWeightKg: NonNegativeDecimalSchema,
  freight: DeclarationChargeSchema.optional(),
  insurance: DeclarationChargeSchema.optional(),
  otherCharges: DeclarationChargeSchema.optional(),
  /** ownerScc/ownerCode: producer-seller (export) or consumer (import). */
  owner: PartySchema.optional(),
  /** agentScc/agentCode: the declaring agent. */
  declarant: PartySchema.optional(),
  overseasParty: PartySchema.optional(),
  manualNo: z.string().optional(),
  /** Export licence (MOFCOM) or import licence number. */
  licenseNo: z.string().optional(),
  /** declTrnRel: 0 general, 1 advance transit, 2 record list, 3 advance-transit record list,
   *  4 export secondary transit. */
  declTrnRel: z.enum(['0', '1', '2', '3', '4']),
  containerNos: z.array(z.string().min(1)).optional(),
  marks: z.string().optional(),
  goodsPlace: z.string().optional(),
  remarks: z.string().optional(),
  lines: z.array(DeclarationLineSchema).min(1, 'a declaration has at least one goods line'),
};

type Header = { clientRef?: string; preEntryId?: string; entryId?: string };
const identified = (d: Header) => Boolean(d.entryId ?? d.preEntryId ?? d.clientRef);
const identifiedIssue = { error: 'name entryId, preEntryId or clientRef', path: ['entryId'] };

/** The domestic trader must carry its USCC (tradeScc) and customs code (tradeCode). */
const domesticTrader = PartySchema.refine(
  (p) => Boolean(partyId(p, 'USCC') && partyId(p, 'CUSTOMS')),
  {
    error: 'the domestic trader needs USCC and CUSTOMS identifiers',
    path: ['identifiers'],
  },
);

/** 出口货物报关单 (ieFlag E). */
export const ExportDeclarationSchema = z
  .strictObject({
    ...header,
    consignor: domesticTrader,
    exportDate: DateSchema.optional(),
    /** cusTradeCountry: country of arrival (运抵国). */
    destinationCountry: CountryCodeSchema,
  })
  .refine(identified, identifiedIssue);
export type ExportDeclaration = z.infer<typeof ExportDeclarationSchema>;

/** 进口货物报关单 (ieFlag I). */
export const ImportDeclarationSchema = z
  .strictObject({
    ...header,
    consignee: domesticTrader,
    importDate: DateSchema.optional(),
    /** cusTradeCountry: country of departure (启运国). */
    departureCountry: CountryCodeSchema,
  })
  .refine(identified, identifiedIssue);
export type ImportDeclaration = z.infer<typeof ImportDeclarationSchema>;

const declarationRefs = (d: ExportDeclaration | ImportDeclaration) =>
  collectRefs({
    declarationNo: [d.entryId, d.preEntryId, d.clientRef],
    blNo: d.blNo,
    contractNo: d.contractNo,
    invoiceNo: d.invoiceNos,
    containerNo: d.containerNos,
  });

export const ExportDeclarationDocument = defineDocument({
  name: 'ExportDeclaration',
  version: '1',
  schema: ExportDeclarationSchema,
  defaultEventType: 'clearance.export-declaration.filed',
  refs: declarationRefs,
});

export const ImportDeclarationDocument = defineDocument({
  name: 'ImportDeclaration',
  version: '1',
  schema: ImportDeclarationSchema,
  defaultEventType: 'clearance.import-declaration.filed',
  refs: declarationRefs,
});

/** What customs (or E-Port) said about a submitted message (H2018 receipt, CEB xxx return). */
export const DeclarationReceiptSchema = z
  .strictObject({
    /** The message answered, e.g. H2018, CEB303, CEB603, CEB701. */
    messageType: z.string().min(1),
    guid: z.string().optional(),
    clientRef: z.string().optional(),
    preEntryId: z.string().optional(),
    entryId: z.string().optional(),
    /** CEB business keys. */
    orderNo: z.string().optional(),
    logisticsNo: z.string().optional(),
    inventoryNo: z.string().optional(),
    summaryNo: z.string().optional(),
    /** Code exactly as returned: "800", "100", "-301010" ... */
    returnStatus: z.string().regex(/^-?\d+$/, 'returnStatus is a numeric code'),
    /** What the code means in this channel, e.g. "released". */
    returnStatusMeaning: z.string().min(1),
    /** Canonical outcome derived from the code by the mapping. */
    outcome: z.enum([
      'PROCESSING',
      'ENTERED',
      'REVIEW',
      'INSPECTION',
      'DETAINED',
      'RELEASED',
      'CLOSED',
      'RETURNED',
      'REJECTED',
      'ERROR',
    ]),
    returnInfo: z.string().optional(),
    /** returnTime (yyyyMMddHHmmssSSS, China time) converted with +08:00. */
    returnTime: DateTimeSchema,
  })
  .refine(
    (r) =>
      Boolean(
        r.guid ??
        r.clientRef ??
        r.preEntryId ??
        r.entryId ??
        r.orderNo ??
        r.inventoryNo ??
        r.logisticsNo,
      ),
    {
      error: 'a receipt names the message or business key it answers',
      path: ['guid'],
    },
  );
export type DeclarationReceipt = z.infer<typeof DeclarationReceiptSchema>;

export const DeclarationReceiptDocument = defineDocument({
  name: 'DeclarationReceipt',
  version: '1',
  schema: DeclarationReceiptSchema,
  defaultEventType: 'clearance.declaration.receipt',
  refs: (r) =>
    collectRefs({
      declarationNo: [r.entryId, r.preEntryId, r.clientRef, r.inventoryNo, r.summaryNo],
      orderNo: r.orderNo,
      trackingNo: r.logisticsNo,
    }),
});
