import type { BookingConfirmation } from '../../core/model/documents/logistics-booking.schema';
import type { EdifactSegment, SegmentGroup } from '../codecs/edifact';
import { readDtm } from '../carrier-edifact/edifact-datetime';
import { readConveyance, readLocation } from '../carrier-edifact/segment-readers';

type Routing = Partial<
  Pick<
    BookingConfirmation,
    | 'vessel'
    | 'placeOfReceipt'
    | 'portOfLoading'
    | 'portOfDischarge'
    | 'placeOfDelivery'
    | 'estimatedDeparture'
    | 'estimatedArrival'
    | 'emptyPickupLocation'
  >
>;

/** A LOC group (LOC + its DTMs) found by qualifier. */
interface Place {
  loc: EdifactSegment;
  dtms: EdifactSegment[];
}

const places = (groups: SegmentGroup[]): Place[] =>
  groups.flatMap((g) => (g.head ? [{ loc: g.head, dtms: g.segments('DTM') }] : []));

/**
 * Vessel and routing of a booking confirmation: the main-carriage TDT (8051 20, else the first)
 * with its LOC groups (9 POL, 11 POD) and the header LOC groups (88 receipt, 7 delivery,
 * 98 empty pick-up, and POL/POD when the TDT has none). ETD is DTM 133 and ETA DTM 132, from
 * the TDT group or the port's LOC group.
 */
export function readRouting(
  root: SegmentGroup,
  timeZone: string,
  warnings: string[],
  lenient?: string[],
): Routing {
  const tdts = root.groups('TDT');
  const main = tdts.find((g) => g.head?.get(0) === '20') ?? tdts[0];
  const all = [...places(main?.groups('LOC') ?? []), ...places(root.groups('LOC'))];
  const place = (q: string) => all.find((p) => p.loc.get(0) === q);
  const where = (q: string) => {
    const p = place(q);
    return p && readLocation(p.loc, warnings);
  };
  const when = (dtmQualifier: string, portQualifier: string) => {
    const dtm = [...(main?.segments('DTM') ?? []), ...(place(portQualifier)?.dtms ?? [])].find(
      (d) => d.get(0) === dtmQualifier,
    );
    return dtm && readDtm(dtm, timeZone, lenient).iso;
  };
  return {
    vessel: main?.head && readConveyance(main.head),
    placeOfReceipt: where('88'),
    portOfLoading: where('9'),
    portOfDischarge: where('11'),
    placeOfDelivery: where('7'),
    estimatedDeparture: when('133', '9'),
    estimatedArrival: when('132', '11'),
    emptyPickupLocation: where('98'),
  };
}
