import type { BookingConfirmation } from '../../core/model/documents/logistics-booking.schema';
import type { MappingContext } from '../../core/translation/contract';
import type { JsonNode } from '../json-support/json-node';
import { dateTime } from '../json-support/json-values';
import { settingString } from '../json-support/mapping-settings';
import {
  AMENDED_BOOKING_STATUSES,
  BOOKING_STATUSES,
  CANCELLATION_STATUSES,
  CUT_OFF_CODES,
} from './booking-codes';
import { readEquipment } from './booking-equipment';
import { readLocation, readShipmentLocations } from './booking-location';
import { summarisePlan } from './booking-transport-plan';

/**
 * A DCSA Booking 2.0 booking (GET /v2/bookings/{ref}) or booking notification (CloudEvent
 * whose `data` holds the statuses and, for full-state subscribers, the booking) ->
 * BookingConfirmation. While an amendment is confirmed, the amended booking is the one in force.
 */
export function readBookingConfirmation(
  root: JsonNode,
  ctx: MappingContext,
  warnings: string[],
): BookingConfirmation {
  const isNotification = root.has('specversion') && root.has('data');
  const data = isNotification ? root.object('data') : root;
  const amendedStatus = data.optCode('amendedBookingStatus', AMENDED_BOOKING_STATUSES);
  const booking =
    (amendedStatus === 'AMENDMENT_CONFIRMED' ? data.optObject('amendedBooking') : undefined) ??
    (isNotification ? data.optObject('booking') : root) ??
    data.fail(
      'the notification carries no booking: subscribe to its full state or GET the booking',
      'booking',
      'THIN_NOTIFICATION',
    );
  const plan = summarisePlan(booking, warnings);
  const routing = readShipmentLocations(booking);
  const confirmed = booking.optItems('confirmedEquipments');
  if (!confirmed.length)
    warnings.push(`${booking.pointer || '/'}: no confirmed equipment; requested equipment given`);
  const pickup = confirmed[0]?.optObject('emptyContainerPickup')?.optObject('depotReleaseLocation');
  return {
    bookingNo: data.optStr('carrierBookingReference') ?? booking.str('carrierBookingReference'),
    bookingRequestRef:
      data.optStr('carrierBookingRequestReference') ??
      booking.optStr('carrierBookingRequestReference'),
    status: data.code('bookingStatus', BOOKING_STATUSES),
    amendedStatus,
    cancellationStatus: data.optCode('bookingCancellationStatus', CANCELLATION_STATUSES),
    carrier: carrierParty(booking, ctx),
    carrierCode: booking.optStr('carrierCode') ?? settingString(ctx.settings, 'carrierCode'),
    // DCSA bookings carry no confirmation time; a notification's CloudEvent time is the best.
    confirmedAt: isNotification ? dateTime(root, 'time') : ctx.receivedAt,
    placeOfReceipt: routing.placeOfReceipt,
    portOfLoading:
      routing.portOfLoading ??
      plan.loadPort ??
      booking.fail('no port of loading (POL)', 'shipmentLocations'),
    portOfDischarge:
      routing.portOfDischarge ??
      plan.dischargePort ??
      booking.fail('no port of discharge (POD)', 'shipmentLocations'),
    placeOfDelivery: routing.placeOfDelivery,
    vessel: plan.vessel,
    plannedDepartureDate: plan.plannedDepartureDate,
    plannedArrivalDate: plan.plannedArrivalDate,
    cutOffs: cutOffs(booking),
    equipment: (confirmed.length ? confirmed : booking.optItems('requestedEquipments')).map((e) =>
      readEquipment(e, warnings),
    ),
    emptyPickupLocation: pickup && readLocation(pickup),
    fullReturnLocation: routing.fullReturn,
    orderNos: purchaseOrders(booking),
    remarks: feedback(data.has('feedbacks') ? data : booking),
  };
}

function cutOffs(booking: JsonNode): BookingConfirmation['cutOffs'] {
  const list = booking.optItems('shipmentCutOffTimes').map((c) => ({
    code: c.code('cutOffDateTimeCode', CUT_OFF_CODES),
    at: dateTime(c, 'cutOffDateTime'),
  }));
  return list.length ? list : undefined;
}

/** The carrier as a party: named in the partner settings, else by its SCAC/SMDG code. */
function carrierParty(booking: JsonNode, ctx: MappingContext): BookingConfirmation['carrier'] {
  const code = booking.optStr('carrierCode') ?? settingString(ctx.settings, 'carrierCode');
  const issuer = booking.optStr('carrierCodeListProvider');
  return {
    name: settingString(ctx.settings, 'carrierName') ?? code ?? ctx.partnerId,
    identifiers: code ? [{ scheme: 'OTHER', value: code, issuer }] : undefined,
  };
}

function purchaseOrders(booking: JsonNode): string[] | undefined {
  const parties = booking.optObject('documentParties');
  const refs = ['shipper', 'consignee'].flatMap((role) =>
    (parties?.optObject(role)?.optItems('purchaseOrderReferences') ?? []).map((r) => r.text()),
  );
  return refs.length ? [...new Set(refs)] : undefined;
}

/** Carrier feedback (why a booking is pending update or rejected) as remarks. */
function feedback(node: JsonNode): string | undefined {
  const lines = node
    .optItems('feedbacks')
    .map((f) => `${f.optStr('severity') ?? 'INFO'} ${f.optStr('code') ?? ''}: ${f.str('message')}`);
  return lines.length ? lines.join('\n') : undefined;
}
