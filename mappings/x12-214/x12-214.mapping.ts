import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type {
  InboundMapping,
  MappedDocument,
  MappingResult,
} from '../../core/translation/contract';
import { segments, type X12Message, type X12Segment } from '../codecs/x12';
import {
  eventZone,
  readCarrierSettings,
  type CarrierEdifactSettings,
} from '../carrier-edifact/carrier-settings.schema';
import { asMappedEvent, compact, eventRefs } from '../carrier-edifact/shipment-event.builder';
import {
  beginningSegment,
  dateTimeAt,
  mappingError,
  optional,
} from '../x12-warehouse/x12-read.helpers';
import { reportedContainer } from '../x12-315/x12-container';
import { AT7_STATUS_CODES, type At7StatusEntry } from './at7-status.list';
import { zoneOfTimeCode } from './x12-time-code';

/** One status of the 214: its AT7 with the MS1 (where) and MS2 (which box) after it. */
interface Status {
  at7: X12Segment;
  ms1?: X12Segment;
  ms2?: X12Segment;
  /** L11s of the status's LX loop. */
  l11s: X12Segment[];
}

/** Splits the set into heading L11s and one Status per AT7 (LX opens a new shipment loop). */
function readBody(body: Iterable<X12Segment>): { heading: X12Segment[]; statuses: Status[] } {
  const heading: X12Segment[] = [];
  const statuses: Status[] = [];
  let loopRefs: X12Segment[] | null = null;
  let current: Status | null = null;
  for (const seg of body) {
    if (seg.tag === 'LX') {
      loopRefs = [];
      current = null;
    } else if (seg.tag === 'AT7') {
      current = { at7: seg, l11s: loopRefs ?? [] };
      statuses.push(current);
    } else if ((seg.tag === 'MS1' || seg.tag === 'MS2') && current) {
      current[seg.tag === 'MS1' ? 'ms1' : 'ms2'] ??= seg;
    } else if (seg.tag === 'L11') {
      (loopRefs ?? heading).push(seg);
    }
  }
  return { heading, statuses };
}

/** L11 (01 value, 02 qualifier): BM B/L, BN booking, the rest kept by qualifier. */
function references(l11s: X12Segment[], b10: X12Segment, warnings: string[]) {
  const others: Array<{ type: string; value: string }> = [];
  const pro = optional(b10, 1);
  const shipmentId = optional(b10, 2);
  // B1001 is the carrier's own number for the move (the PRO), B1002 the shipper's shipment id.
  if (pro) others.push({ type: 'CN', value: pro });
  if (shipmentId) others.push({ type: 'SI', value: shipmentId });
  let blNo: string | undefined;
  let bookingNo: string | undefined;
  for (const l11 of l11s) {
    const [value, q] = [optional(l11, 1), optional(l11, 2)];
    if (!value || !q) continue;
    if (q === 'BM' && blNo === undefined) blNo = value;
    else if (q === 'BN' && bookingNo === undefined) bookingNo = value;
    else others.push({ type: q, value });
  }
  return eventRefs({ blNo, bookingNo, containerNos: [], others }, warnings);
}

/** AT707 names the zone of AT705/AT706; LT or none is the partner's convention. */
function zoneOf(at7: X12Segment, settings: CarrierEdifactSettings, warnings: string[]): string {
  const code = optional(at7, 7);
  const zone = zoneOfTimeCode(code);
  if (zone) return zone;
  if (code && code !== 'LT')
    warnings.push(`AT707 time code ${code} is not a US/Canada zone code: read as local time`);
  // MS1 names a city, not a UN/LOCODE: local time is the partner's zone.
  return eventZone(settings, undefined, warnings);
}

function statusEntry(
  code: string,
  at7: X12Segment,
  settings: CarrierEdifactSettings,
  warnings: string[],
): At7StatusEntry | undefined {
  const list: Record<string, At7StatusEntry> = settings.defaultStatusCodes
    ? { ...AT7_STATUS_CODES, ...settings.statusCodes }
    : settings.statusCodes;
  const entry = list[code];
  if (entry) return entry;
  if (settings.unknownStatus === 'error')
    throw mappingError(
      at7,
      `status code ${code} is not in the partner's code list`,
      'unknown-status',
    );
  if (settings.unknownStatus === 'skip') {
    warnings.push(`AT7 status code ${code} not in the code list, left out`);
    return undefined;
  }
  // UNKN is an EQUIPMENT code: kept only when the status names a container (toEvent says).
  return { eventKind: 'EQUIPMENT', eventCode: 'UNKN', description: 'Status not in the code list' };
}

function toEvent(
  status: Status,
  shared: { b10: X12Segment; heading: X12Segment[]; carrierCode?: string },
  settings: CarrierEdifactSettings,
  warnings: string[],
): ShipmentEvent | undefined {
  const { at7, ms1, ms2 } = status;
  // AT701/AT702 carry a shipment status and its reason, AT703/AT704 an appointment status.
  const code = optional(at7, 1) ?? optional(at7, 3);
  if (!code) throw mappingError(at7, 'AT7 has neither a status (AT701) nor an appointment (AT703)');
  const entry = statusEntry(code, at7, settings, warnings);
  if (!entry) return undefined;
  const reason = optional(at7, 1) ? optional(at7, 2) : optional(at7, 4);
  const boxNo = ms2 && optional(ms2, 2) && `${optional(ms2, 2)}${optional(ms2, 4) ?? ''}`;
  const containerNo = boxNo ? reportedContainer(boxNo, warnings) : undefined;
  const unknown = entry.eventCode === 'UNKN' ? ' (not in the code list)' : '';
  if (entry.eventKind === 'EQUIPMENT' && !containerNo) {
    warnings.push(
      `AT7 ${code}${unknown} at segment ${at7.ordinal} names no container (MS2): left out`,
    );
    return undefined;
  }
  if (unknown) warnings.push(`AT7 status code ${code} not in the code list, kept as an UNKN event`);
  const where =
    ms1 &&
    [1, 2, 3]
      .map((k) => optional(ms1, k))
      .filter(Boolean)
      .join(', ');
  return compact({
    eventKind: entry.eventKind,
    classifier: entry.classifier ?? ('ACT' as const),
    eventCode: entry.eventCode,
    eventDateTime: dateTimeAt(at7, 5, 6, zoneOf(at7, settings, warnings)),
    equipmentReference: containerNo,
    emptyIndicator: entry.eventKind === 'EQUIPMENT' ? entry.emptyIndicator : undefined,
    ...references([...shared.heading, ...status.l11s], shared.b10, warnings),
    // AT702 NS is "normal status"; any other reason says why the move is late or failed.
    delayReasonCode: reason && reason !== 'NS' ? reason : undefined,
    carrierCode: shared.carrierCode,
    sourceStatusCode: code,
    sourceStatusDescription: entry.description,
    remarks: where ? `at ${where}` : undefined,
  });
}

/**
 * X12 214 (transportation carrier shipment status) -> one ShipmentEvent per AT7. AT701 is read
 * through the 214 status list (data element 1650; partner settings as for the 315: own codes,
 * unknown-status policy), AT705/AT706 in the zone AT707 names; MS2 names the container, MS1 the
 * city (kept as remarks: it is no UN/LOCODE), B10 and L11 the references, B1003 the SCAC.
 */
export const x12CarrierStatusMapping: InboundMapping<X12Message> = {
  id: 'x12-214-carrier-status',
  format: 'x12',
  messageTypes: ['214'],
  toCanonical(message, ctx): MappingResult {
    const settings = readCarrierSettings(ctx);
    const warnings: string[] = [];
    const { set } = message.tree;
    const b10 = beginningSegment(set, 'B10');
    const { heading, statuses } = readBody(segments(set.body));
    if (statuses.length === 0)
      throw mappingError(b10, '214 carries no AT7 status', 'missing-status');
    const shared = { b10, heading, carrierCode: optional(b10, 3) ?? settings.carrierCode };
    const documents: MappedDocument[] = [];
    for (const status of statuses) {
      const event = toEvent(status, shared, settings, warnings);
      if (event) documents.push(asMappedEvent(event));
    }
    return { documents, warnings };
  },
};
