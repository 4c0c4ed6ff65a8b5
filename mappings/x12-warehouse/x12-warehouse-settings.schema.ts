import { z } from 'zod';
import { TradeError } from '../../core/errors/trade-error';
import type { MappingContext } from '../../core/translation/contract';
import { AddressSchema } from '../../core/model/values/party.schema';
import { UnitCodeSchema } from '../../core/model/values/unit.schema';
import { isSupportedZone } from './x12-time.helpers';

/** ISA05/ISA06 (or ISA07/ISA08): a 2-character qualifier (ZZ, 01, 08, 12 ...) and an id. */
const IsaPartySchema = z.strictObject({
  qualifier: z.string().regex(/^[0-9A-Z]{2}$/, 'ISA qualifier has 2 characters'),
  id: z.string().min(1).max(15),
});

const separator = (fallback: string) =>
  z.string().length(1, 'a separator is one character').default(fallback);

/** One warehouse of the 3PL: our canonical code and the code the 3PL uses in N1 04. */
const WarehouseSchema = z.strictObject({
  warehouseCode: z.string().min(1),
  partnerCode: z.string().min(1).max(80),
  name: z.string().min(1).max(60),
  /** N103 for partnerCode; 91 = assigned by seller (the 3PL), the common choice. */
  idQualifier: z.string().min(1).max(2).default('91'),
  address: AddressSchema.optional(),
});

/** A shipping service as TradeHub names it (FulfillmentOrder.shippingService) -> 940 W66. */
const ShippingServiceSchema = z.strictObject({
  /** W6610 Standard Carrier Alpha Code. */
  scac: z.string().regex(/^[A-Z]{2,4}$/, 'SCAC has 2 to 4 capital letters'),
  /** W6602 transportation method: U private parcel, M motor (common carrier), A air ... */
  transportMethod: z.string().min(1).max(2).default('U'),
  /** W6601 shipment method of payment: PP prepaid, CC collect, TP third party. */
  paymentMethod: z.string().length(2).default('PP'),
  /** W6605 routing text, e.g. 'UPS GROUND'. */
  routing: z.string().max(35).optional(),
});

const BillToSchema = z.strictObject({
  /** N101: BT bill-to party, or DE depositor where the 3PL names the goods' owner so. */
  entity: z.enum(['BT', 'DE']).default('BT'),
  name: z.string().min(1).max(60),
  idQualifier: z.string().min(1).max(2).optional(),
  id: z.string().min(2).max(80).optional(),
  address: AddressSchema.optional(),
});

/**
 * Partner settings of a US 3PL that speaks X12 940/945/944/846/997. `interchange.sender` and
 * `group.senderCode` are TradeHub's own ids; `receiver`/`receiverCode` are the 3PL's.
 *
 * Time zone: X12 dates and times carry no zone. `timeZone` says which one the partner means:
 * '+00:00' (default), any fixed offset ('-05:00'), or an IANA zone ('America/Los_Angeles',
 * daylight saving applied per date). Inbound dates become ISO 8601 with that offset; outbound
 * instants are written as local date and time in it.
 */
export const X12WarehouseSettingsSchema = z.strictObject({
  /** Canonical `provider` of the documents, e.g. 'Keystone Logistics'. */
  provider: z.string().min(1),
  interchange: z.strictObject({ sender: IsaPartySchema, receiver: IsaPartySchema }),
  group: z.strictObject({
    senderCode: z.string().min(2).max(15),
    receiverCode: z.string().min(2).max(15),
  }),
  /** GS08; ISA12 is derived from it (004010 -> 00401). */
  version: z.enum(['004010', '005010']).default('004010'),
  /** ISA15: P production, T test. */
  usage: z.enum(['P', 'T']).default('P'),
  /** ISA14: ask the 3PL for a 997 (TradeHub tracks outbound state with it). */
  ackRequested: z.boolean().default(true),
  separators: z
    .strictObject({
      element: separator('*'),
      component: separator('>'),
      repetition: separator('^'),
      segment: separator('~'),
      lineEnding: z.enum(['', '\n', '\r\n']).default('\n'),
    })
    // Partners that end segments with a bare newline write no extra line ending.
    .refine((d) => !/[\r\n]/.test(d.segment) || d.lineEnding === '', {
      message: 'a newline segment terminator takes lineEnding ""',
      path: ['lineEnding'],
    })
    .prefault({}),
  timeZone: z
    .string()
    .default('+00:00')
    .refine(isSupportedZone, 'timeZone must be ±HH:MM, Z/UTC or an IANA zone name'),
  warehouses: z.array(WarehouseSchema).min(1, 'at least one warehouse code mapping'),
  /** N101 the 940 names the 3PL warehouse with: SF ship from, or WH warehouse. */
  warehouseEntity: z.enum(['SF', 'WH']).default('SF'),
  billTo: BillToSchema.optional(),
  shippingServices: z.record(z.string(), ShippingServiceSchema).default({}),
  /** Product id qualifier that carries our SKU (W01, W12, W07, LIN): VN vendor item number. */
  skuQualifier: z.string().length(2).default('VN'),
  /** Header/LX N9 qualifiers read as tracking numbers on a 945: 2I tracking, CN PRO, BM B/L. */
  trackingQualifiers: z.array(z.string().min(2).max(3)).default(['2I', 'CN', 'BM']),
  /** X12 unit (element 355) -> Rec 20, on top of the defaults in x12-units.helpers.ts. */
  uomIn: z.record(z.string().length(2), UnitCodeSchema).default({}),
  /** Rec 20 -> X12 unit for outbound lines, on top of the defaults. */
  uomOut: z.partialRecord(UnitCodeSchema, z.string().length(2)).default({}),
});

export type X12WarehouseSettings = z.output<typeof X12WarehouseSettingsSchema>;
export type X12WarehouseSettingsInput = z.input<typeof X12WarehouseSettingsSchema>;

/** Partner settings from a mapping context; a bad record is a config error, not a bad message. */
export function warehouseSettings(
  ctx: Pick<MappingContext, 'settings' | 'partnerId'>,
): X12WarehouseSettings {
  return parseX12Settings(X12WarehouseSettingsSchema, ctx, 'X12 warehouse');
}

/** `ctx.settings` read with `schema`; a bad record is a config error located by pointer. */
export function parseX12Settings<S extends z.ZodType>(
  schema: S,
  ctx: Pick<MappingContext, 'settings' | 'partnerId'>,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(ctx.settings ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const pointer = issue.path.map((p) => `/${String(p)}`).join('');
  throw new TradeError(
    'config',
    `${what} settings of partner ${ctx.partnerId} ${pointer || '/'}: ${issue.message}`,
    { stage: 'map', location: { pointer }, code: 'X12_SETTINGS' },
  );
}
