import { z } from 'zod';
import { TradeError } from '../../core/errors/trade-error';
import { BookingStatusSchema } from '../../core/model/documents/logistics-common.schema';
import type { MappingContext } from '../../core/translation/contract';
import { zoneOfLocode } from '../time-zones/locode-zones';
import { isSupportedZone } from '../time-zones/zone-offset';
import {
  DEFAULT_STATUS_CODES,
  StatusCodeEntrySchema,
  type StatusCodeEntry,
} from './status-code.list';

/** UN/EDIFACT directories D.95B .. D.21A (D.01C included), as UNH writes them: 'D.99B'. */
export const DIRECTORY_VERSIONS: readonly string[] = (() => {
  const out = ['D.95B'];
  for (let y = 96; y <= 121; y++) {
    const yy = String(y % 100).padStart(2, '0');
    out.push(`D.${yy}A`, `D.${yy}B`);
    if (yy === '01') out.push('D.01C');
  }
  return out;
})();

/**
 * The zone of DTM values without one: a fixed offset ('+08:00', 'UTC') or an IANA zone
 * ('Asia/Shanghai', daylight saving applied per date).
 */
const ZoneSchema = z
  .string()
  .refine(isSupportedZone, 'a UTC offset like +08:00, UTC or an IANA zone like Asia/Shanghai');

const PartyIdSchema = z.string().min(1).max(35);
const QualifierSchema = z.string().min(1).max(4);

/**
 * Settings of one carrier's EDIFACT line, from the partner record's format entry. Everything
 * has a default except the interchange ids an outbound message needs; a second carrier that
 * speaks the same dialect is a new record with these settings, not new code.
 */
export const CarrierEdifactSettingsSchema = z.strictObject({
  /** Carrier's name and SCAC, for BookingConfirmation.carrier and events' carrierCode. */
  carrierName: z.string().min(1).optional(),
  carrierCode: z.string().min(2).max(4).optional(),
  /**
   * IFTMBC without NAD+CA and without `carrierName`: the carrier is the interchange sender (the
   * normalizer has matched it to this partner record), with a warning. false refuses instead.
   */
  carrierFromSender: z.boolean().default(true),
  /** UNB sender (us) and recipient (the carrier or its network) for outbound interchanges. */
  senderId: PartyIdSchema.optional(),
  senderQualifier: QualifierSchema.default('ZZZ'),
  recipientId: PartyIdSchema.optional(),
  recipientQualifier: QualifierSchema.default('ZZZ'),
  /** Directory the carrier's guide is written on; outbound UNH carries it. */
  directory: z.enum(DIRECTORY_VERSIONS as [string, ...string[]]).default('D.99B'),
  /** UNB S001: syntax identifier and version. */
  syntax: z
    .string()
    .regex(/^UNO[A-KXYW]:[1-4]$/, 'syntax like UNOC:3')
    .default('UNOC:3'),
  /** UNH 0057, e.g. an ITIGG or carrier guide version. */
  associationCode: z.string().min(1).max(6).optional(),
  testIndicator: z.boolean().default(false),
  /** Written after each segment terminator of outbound interchanges. */
  lineEnding: z.enum(['none', 'lf', 'crlf']).default('none'),
  /** Zone of DTM values without one (formats 102/203/204), and of outbound DTMs. */
  timeZone: ZoneSchema.default('+00:00'),
  /**
   * 'zone': every DTM without its own zone is in `timeZone`. 'location': event times are the
   * local time of the event's place (its UN/LOCODE's IANA zone); `timeZone` is kept for the
   * document's own dates and for places whose zone is unknown (with a warning).
   */
  timeConvention: z.enum(['zone', 'location']).default('zone'),
  /** The carrier's own STS codes, added to (or overriding) the default list. */
  statusCodes: z.record(z.string().min(1), StatusCodeEntrySchema).default({}),
  /** false: only `statusCodes` count. */
  defaultStatusCodes: z.boolean().default(true),
  /**
   * An STS code in neither list: 'keep' (default) maps it as an UNKN event with a warning, so
   * operators see it; 'skip' leaves it out with a warning; 'error' (strict) fails the message.
   */
  unknownStatus: z.enum(['keep', 'skip', 'error']).default('keep'),
  /** How a message TradeHub could not map is answered: CONTRL rejection, or APERAK. */
  applicationAck: z.enum(['CONTRL', 'APERAK']).default('CONTRL'),
  /** IFTMBC: BGM 1225 ('9') or 1225/4343 ('9/RE') -> booking status, over the defaults. */
  bookingStatusCodes: z.record(z.string().min(1), BookingStatusSchema).default({}),
});
export type CarrierEdifactSettings = z.infer<typeof CarrierEdifactSettingsSchema>;
/** Settings as a partner record writes them (defaults not yet applied). */
export type CarrierEdifactSettingsInput = z.input<typeof CarrierEdifactSettingsSchema>;

/** The context's settings, validated; a bad partner record is a config error, not the message's. */
export function readCarrierSettings(ctx: MappingContext): CarrierEdifactSettings {
  const parsed = CarrierEdifactSettingsSchema.safeParse(ctx.settings ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue.path.map(String).join('.');
  throw new TradeError('config', `partner ${ctx.partnerId} settings ${path}: ${issue.message}`, {
    stage: 'map',
    code: 'carrier-edifact-settings',
  });
}

/** The status code list in force for these settings. */
export function statusCodeList(
  settings: CarrierEdifactSettings,
): Readonly<Record<string, StatusCodeEntry>> {
  return settings.defaultStatusCodes
    ? { ...DEFAULT_STATUS_CODES, ...settings.statusCodes }
    : settings.statusCodes;
}

/**
 * The zone an event's DTMs are read in: the partner's `timeZone`, or under the 'location'
 * convention the zone of the event's UN/LOCODE (falling back to `timeZone` with a warning).
 */
export function eventZone(
  settings: CarrierEdifactSettings,
  unLocode: string | undefined,
  warnings: string[],
): string {
  if (settings.timeConvention !== 'location') return settings.timeZone;
  const zone = unLocode ? zoneOfLocode(unLocode) : undefined;
  if (zone) return zone;
  warnings.push(
    `no time zone known for ${unLocode ? `place ${unLocode}` : 'an event without a place'}: its times are read in ${settings.timeZone}`,
  );
  return settings.timeZone;
}
