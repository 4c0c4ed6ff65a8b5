import { z } from 'zod';
import type { MappingContext } from '../../core/translation/contract';
import { CountryCodeSchema } from '../../core/model/values/country.codes';
import { UnitCodeSchema } from '../../core/model/values/unit.schema';
import { isSupportedZone } from '../x12-warehouse/x12-time.helpers';
import { parseX12Settings } from '../x12-warehouse/x12-warehouse-settings.schema';

/**
 * Settings for a 940 TradeHub receives from a depositor (a client's ERP) to pass on to a
 * warehouse. Every field has a default, so a depositor without a partner record still maps;
 * keys of the 3PL settings (x12-warehouse-settings.schema.ts) are ignored, so one X12 partner
 * record can serve both directions.
 */
export const X12ReceivedOrderSettingsSchema = z.object({
  /** Canonical provider; default: the N1 WH name, else the interchange receiver (ISA08). */
  provider: z.string().min(1).optional(),
  /** Zone of G62 and GS dates (X12 carries none): '+00:00', a fixed offset or an IANA zone. */
  timeZone: z
    .string()
    .default('+00:00')
    .refine(isSupportedZone, 'timeZone must be ±HH:MM, Z/UTC or an IANA zone name'),
  /** Depositor warehouse codes (N1 WH N104) -> our codes; unlisted codes are kept as sent. */
  warehouses: z
    .array(z.object({ warehouseCode: z.string().min(1), partnerCode: z.string().min(1) }))
    .default([]),
  /**
   * W01 product id qualifiers (element 235) that carry the SKU, first match wins: VN vendor
   * item, SK SKU, VC vendor catalogue, BP buyer part, IN buyer item. W0103 (U.P.C. case code)
   * is the SKU when none is present.
   */
  skuQualifiers: z.array(z.string().length(2)).default(['VN', 'SK', 'VC', 'BP', 'IN']),
  /** N404 is left empty for US addresses by X12 convention. */
  defaultCountry: CountryCodeSchema.default('US'),
  /** X12 unit (element 355) -> Rec 20/21, on top of the defaults in x12-units.helpers.ts. */
  uomIn: z.record(z.string().length(2), UnitCodeSchema).default({}),
});
export type X12ReceivedOrderSettings = z.output<typeof X12ReceivedOrderSettingsSchema>;

/** The settings of the sending partner; a bad record is a config error, not a bad message. */
export function receivedOrderSettings(
  ctx: Pick<MappingContext, 'settings' | 'partnerId'>,
): X12ReceivedOrderSettings {
  return parseX12Settings(X12ReceivedOrderSettingsSchema, ctx, 'X12 940');
}
