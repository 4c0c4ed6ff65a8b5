// Ocean carrier EDIFACT: inbound IFTSTA, IFTMBC, COPARN, CODECO, COARRI, VERMAS; outbound IFTMIN.
// IFTMIN inbound (from a shipper or forwarder, not a carrier) is exported for the manifest.
import type { InboundMapping, OutboundMapping } from '../../core/translation/contract';
import { coarriMapping } from '../edifact-coarri/coarri.mapping';
import { codecoMapping } from '../edifact-codeco/codeco.mapping';
import { coparnMapping } from '../edifact-coparn/coparn.mapping';
import { iftmbcMapping } from '../edifact-iftmbc/iftmbc.mapping';
import { iftminBookingMapping } from '../edifact-iftmin/iftmin-booking.mapping';
import { iftminInboundMapping } from '../edifact-iftmin/iftmin-inbound.mapping';
import { iftminShippingInstructionMapping } from '../edifact-iftmin/iftmin-si.mapping';
import { iftstaMapping } from '../edifact-iftsta/iftsta.mapping';
import { vermasMapping } from '../edifact-vermas/vermas.mapping';

export {
  CarrierEdifactSettingsSchema,
  DIRECTORY_VERSIONS,
  readCarrierSettings,
  statusCodeList,
} from './carrier-settings.schema';
export type {
  CarrierEdifactSettings,
  CarrierEdifactSettingsInput,
} from './carrier-settings.schema';
export { DEFAULT_STATUS_CODES, StatusCodeEntrySchema } from './status-code.list';
export type { StatusCodeEntry } from './status-code.list';
export {
  coarriMapping,
  codecoMapping,
  coparnMapping,
  iftmbcMapping,
  iftminBookingMapping,
  iftminInboundMapping,
  iftminShippingInstructionMapping,
  iftstaMapping,
  vermasMapping,
};

/** Carrier EDIFACT -> canonical, one per message type (registry ids carrier-edifact-<type>). */
export const carrierEdifactInboundMappings: InboundMapping[] = [
  iftstaMapping,
  iftmbcMapping,
  coparnMapping,
  codecoMapping,
  coarriMapping,
  vermasMapping,
];

/** Canonical -> carrier EDIFACT: Booking and ShippingInstruction as IFTMIN. */
export const carrierEdifactOutboundMappings: OutboundMapping[] = [
  iftminBookingMapping,
  iftminShippingInstructionMapping,
];
