import type { Detection } from '../../core/translation/contract';
import { isReadableAcknowledgement } from '../acknowledgements/ack-receipt';

/**
 * Message types TradeHub parses but maps to no canonical document, with the reason a partner
 * or operator reads in the conformance report. Keyed `format messageType`.
 */
export const PARSE_ONLY: Readonly<Record<string, string>> = {
  // A bay plan is the vessel's stowage (every slot, every box): terminal and vessel planning
  // data with no shipment-level fact the platform tracks; its container moves come as
  // COARRI/CODECO/IFTSTA.
  'edifact BAPLIE': 'bay plan (vessel stowage): no shipment fact; moves come as CODECO/IFTSTA',
  // CUSCAR is the carrier's (or its agent's) cargo report to customs at a port of entry: the
  // manifest filing (UK LOT10, EU ENS) that customs answers with CUSRES. It is addressed to
  // customs, not to shippers or their forwarders, and it is the carrier's filing, not ours; the
  // same voyage and B/L facts reach a shipper as IFTSTA, DCSA T&T or an arrival notice.
  'edifact CUSCAR':
    "customs cargo report: the carrier's manifest filing to customs; shipment facts come as IFTSTA/DCSA",
  // IATA PAORES answers airline passenger availability requests: not a trade document.
  'edifact PAORES': 'IATA passenger reservation response: not a trade document',
  // ShipBob's box list of a WRO (GET /2.0/receiving/{id}/boxes) names neither its WRO nor a
  // SKU (only inventory ids): alone it is no document. The connector fetches it with its WRO
  // and the WRO mapping reads both together (lines per box and SKU).
  'json warehouse.inbound-boxes':
    'WRO box list alone: names no WRO and no SKU; send it inside its WRO as `boxes`',
  // MT999 is free text between banks (queries, answers): shown to operators as it is; it states
  // no balance, payment or credit term that could be mapped.
  'swift-mt MT999': 'free-format bank message: text for operators, no trade fact to map',
};

/** Why a parsed message that no mapping takes is still accounted for, if it is. */
export function parseOnlyReason(
  detection: Pick<Detection, 'format' | 'messageType'> | undefined,
): string | undefined {
  if (!detection) return undefined;
  if (isReadableAcknowledgement(detection))
    return 'acknowledgement: read and reconciled against what was sent, not mapped';
  return PARSE_ONLY[`${detection.format} ${detection.messageType ?? ''}`];
}
