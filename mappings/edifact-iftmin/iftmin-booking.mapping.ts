import type { Booking } from '../../core/model/documents/logistics-booking.schema';
import type { OutboundMapping } from '../../core/translation/contract';
import type { SegmentDraft } from '../codecs/edifact';
import { toDtm102, toDtm203 } from '../carrier-edifact/edifact-datetime';
import { goodsGroups, requestedEquipment, totals } from './iftmin-goods';
import { outboundSettings, renderIftmin } from './iftmin-render';
import { dtm, ftx, loc, nadGroup, rff, tdt } from './iftmin-segments';
import { renderError, TextRules } from './iftmin-text';

/** BGM 1225: a cancellation request (1), an amendment (5) or the original request (9). */
function messageFunction(b: Booking): string {
  if (b.status === 'CANCELLED' || b.cancellationStatus === 'CANCELLATION_RECEIVED') return '1';
  if (b.amendedStatus === 'AMENDMENT_RECEIVED') return '5';
  return '9';
}

/**
 * Booking -> IFTMIN booking request (BGM 335, UNCL 1001 "Booking request"). Written with the
 * segments and groups that D.96A and D.00B both have in the same place (the tests check both
 * segment tables and the D.96A segment layouts), so one layout serves the directory the
 * partner's settings name; UNH carries that directory.
 */
export const iftminBookingMapping: OutboundMapping<Booking> = {
  id: 'carrier-edifact-iftmin-booking',
  documentType: 'Booking',
  format: 'edifact',
  render(booking, ctx) {
    const settings = outboundSettings(ctx);
    const t = new TextRules(settings.syntax.split(':')[0]);
    const zone = settings.timeZone;
    const ref = booking.bookingRequestRef ?? booking.bookingNo;
    if (!ref) throw renderError('/bookingRequestRef', 'a booking request needs a reference');
    const units = booking.equipment.reduce((n, e) => n + e.units, 0);
    const body: SegmentDraft[] = [
      {
        tag: 'BGM',
        elements: ['335', t.fits(ref, 35, '/bookingRequestRef'), messageFunction(booking)],
      },
      dtm('137', toDtm203(ctx.receivedAt, zone), '203'),
      // C233 7273: 2 full loads (FCL), 3 less than full loads (LCL).
      { tag: 'TSR', elements: [undefined, booking.cargoMovement === 'FCL' ? '2' : '3'] },
      ...(booking.remarks ? ftx(t, 'AAI', booking.remarks, 99, '/remarks') : []),
      ...totals(booking.cargo, units),
      ...(booking.placeOfReceipt ? [loc(t, '88', booking.placeOfReceipt, '/placeOfReceipt')] : []),
      ...(booking.placeOfDelivery
        ? [loc(t, '7', booking.placeOfDelivery, '/placeOfDelivery')]
        : []),
      ...references(t, booking),
      tdt(t, booking.vessel, '/vessel'),
      loc(t, '9', port(booking.portOfLoading, '/portOfLoading'), '/portOfLoading'),
      ...(booking.requestedDepartureDate
        ? [dtm('133', toDtm102(booking.requestedDepartureDate), '102')]
        : []),
      loc(t, '11', port(booking.portOfDischarge, '/portOfDischarge'), '/portOfDischarge'),
      ...nadGroup(t, 'CZ', booking.shipper, '/shipper'),
      ...(booking.consignee ? nadGroup(t, 'CN', booking.consignee, '/consignee') : []),
      ...(booking.forwarder ? nadGroup(t, 'FW', booking.forwarder, '/forwarder') : []),
      ...goodsGroups(t, booking.cargo, '/cargo'),
      ...requestedEquipment(booking.equipment),
    ];
    return renderIftmin(body, ctx, settings);
  },
};

/** SG3: the carrier's booking no. (when amending), contract and order numbers. */
function references(t: TextRules, b: Booking): SegmentDraft[] {
  return [
    ...(b.bookingNo ? [rff(t, 'BN', b.bookingNo, '/bookingNo')] : []),
    ...(b.serviceContractRef ? [rff(t, 'CT', b.serviceContractRef, '/serviceContractRef')] : []),
    ...(b.contractNo && b.contractNo !== b.serviceContractRef
      ? [rff(t, 'CT', b.contractNo, '/contractNo')]
      : []),
    ...(b.orderNos ?? []).map((o, i) => rff(t, 'ON', o, `/orderNos/${i}`)),
  ];
}

/** IFTMIN has no place for a carrier's routing reference: the ports must be named. */
export function port(
  place: Booking['portOfLoading'],
  pointer: string,
): NonNullable<Booking['portOfLoading']> {
  if (!place)
    throw renderError(pointer, 'IFTMIN needs the port; a routingRef alone cannot be sent');
  return place;
}
