import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import { UN_LOCODE_PATTERN, type Location } from '../../core/model/values/location.schema';
import { element, loopsAt, segmentsAt, type X12Message, type X12Segment } from '../codecs/x12';
import {
  eventZone,
  readCarrierSettings,
  statusCodeList,
} from '../carrier-edifact/carrier-settings.schema';
import { asMappedEvent, compact } from '../carrier-edifact/shipment-event.builder';
import { isValidImo } from '../json-support/json-values';
import { UNKNOWN_STATUS } from '../carrier-edifact/status-code.list';
import {
  beginningSegment,
  dateTimeAt,
  mappingError,
  optional,
} from '../x12-warehouse/x12-read.helpers';
import { reportedContainer } from './x12-container';

// R401 port or terminal function codes of a 315 (X12 element 115): where the status happened
// is the activity location (5 / A); the others are the route (L loading, D discharge, E
// delivery, R receipt ...) and only place the event when the status says which end it is.
const ACTIVITY = ['5', 'A'];
const BY_KIND: Record<string, string[]> = { DEPA: ['L', 'R'], ARRI: ['D', 'E'] };

/**
 * X12 315 (status details, ocean) -> one ShipmentEvent. B403 is an X12 157 status code read
 * through the same code list as IFTSTA STS (partner settings as for carrier EDIFACT: code list,
 * unknown-status policy, time zone or location convention); B404/B405 its time; B407+B408+B413
 * the container; N9 BM/BN/EQ the references; Q2 the vessel; R4 the places.
 */
export const x12OceanStatusMapping: InboundMapping<X12Message> = {
  id: 'x12-315-ocean-status',
  format: 'x12',
  messageTypes: ['315'],
  toCanonical(message, ctx): MappingResult {
    const settings = readCarrierSettings(ctx);
    const warnings: string[] = [];
    const { set } = message.tree;
    const b4 = beginningSegment(set, 'B4');
    const code = optional(b4, 3);
    if (!code) throw mappingError(b4, 'B403 has no shipment status code', 'missing-status');
    let entry = statusCodeList(settings)[code];
    if (!entry) {
      if (settings.unknownStatus === 'error')
        throw mappingError(
          b4,
          `status code ${code} is not in the partner's code list`,
          'unknown-status',
        );
      warnings.push(`B403 status code ${code} not in the code list, kept as an UNKN event`);
      entry = UNKNOWN_STATUS;
    }
    const n9s = segmentsAt(set.body, 'N9');
    const ref = (q: string) => n9s.find((n) => element(n, 1) === q && element(n, 2));
    // Every B/L and booking is kept: the first in its field, the others under references.
    const more = (q: 'BM' | 'BN') =>
      n9s
        .filter((n) => element(n, 1) === q && element(n, 2))
        .slice(1)
        .map((n) => ({ type: q, value: element(n, 2) }));
    const containerNo = container(b4, ref('EQ'), warnings);
    // R4 opens a loop (with its DTMs) in the 315 structure; flat R4s are read too.
    const r4s = [
      ...segmentsAt(set.body, 'R4'),
      ...loopsAt(set.body, 'R4').map((l) => l.nodes[0] as X12Segment),
    ];
    const location = placeOf(r4s, entry.eventCode, warnings);
    const zone = eventZone(settings, location?.unLocode, warnings);
    const q2 = segmentsAt(set.body, 'Q2')[0];
    const event: ShipmentEvent = compact({
      eventKind: entry.eventKind,
      classifier: 'ACT',
      eventCode: entry.eventCode,
      eventDateTime: dateTimeAt(b4, 4, 5, zone),
      location,
      transportCall: q2 && compact({ location, conveyance: vessel(q2) }),
      equipmentReference: containerNo,
      emptyIndicator:
        entry.eventKind === 'TRANSPORT'
          ? undefined
          : (({ E: 'EMPTY', L: 'LADEN' } as const)[optional(b4, 9) ?? ''] ?? entry.emptyIndicator),
      documentTypeCode: entry.documentTypeCode,
      transportDocumentRef: ref('BM') && element(ref('BM')!, 2),
      bookingNo: ref('BN') && element(ref('BN')!, 2),
      references: [...more('BM'), ...more('BN')],
      carrierCode: settings.carrierCode,
      sourceStatusCode: code,
      sourceStatusDescription: entry.description,
    });
    return { documents: [asMappedEvent(event)], warnings };
  },
};

/** B407 + B408 (+ B413 check digit), else N9 EQ; a failing check digit is a warning. */
function container(b4: X12Segment, n9: X12Segment | undefined, warnings: string[]) {
  const prefix = optional(b4, 7);
  const serial = optional(b4, 8);
  const no =
    prefix && serial ? `${prefix}${serial}${optional(b4, 13) ?? ''}` : n9 && element(n9, 2);
  return no ? reportedContainer(no, warnings) : undefined;
}

function placeOf(r4s: X12Segment[], eventCode: string, warnings: string[]): Location | undefined {
  const r4 =
    r4s.find((r) => ACTIVITY.includes(element(r, 1))) ??
    r4s.find((r) => (BY_KIND[eventCode] ?? []).includes(element(r, 1)));
  if (!r4) {
    if (r4s.length) warnings.push('no R4 activity location: the event has no place');
    return undefined;
  }
  const code = element(r4, 3).replace(/\s+/g, '').toUpperCase();
  if (element(r4, 2) !== 'UN' || !UN_LOCODE_PATTERN.test(code)) {
    warnings.push(`R4 ${element(r4, 1)} "${element(r4, 3)}" is not a UN/LOCODE, place left out`);
    return undefined;
  }
  const name = element(r4, 4);
  return name ? { unLocode: code, name } : { unLocode: code };
}

/** Q2: Q201 vessel code (an IMO number when Q212 is L and it passes the check), Q209 voyage, Q213 name. */
function vessel(q2: X12Segment) {
  const id = element(q2, 1);
  return compact({
    mode: 'SEA' as const,
    vesselName: element(q2, 13) || undefined,
    vesselImo: element(q2, 12) === 'L' && isValidImo(id) ? id : undefined,
    voyageNo: element(q2, 9) || undefined,
  });
}
