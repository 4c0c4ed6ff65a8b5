import type { BookingConfirmation } from '../../core/model/documents/logistics-booking.schema';
import { jsonMapping } from '../json-support/json-mapping';
import { readBookingConfirmation } from './booking-confirmation.reader';

/** A booking (GET response) or booking notification naming carrierBookingReference + status. */
export const DCSA_BOOKING_CONFIRMATION = 'dcsa.booking.confirmation';

/**
 * DCSA Booking 2.0 booking / notification -> BookingConfirmation, whatever the status
 * (CONFIRMED, but also PENDING_UPDATE, DECLINED, CANCELLED ... with the carrier's feedback).
 * Settings: `carrierName` (the carrier party's name), `carrierCode` (when the booking has none).
 */
export const dcsaBookingConfirmationMapping = jsonMapping<BookingConfirmation>({
  id: 'dcsa-booking-2-confirmation',
  messageType: DCSA_BOOKING_CONFIRMATION,
  documentType: 'BookingConfirmation',
  eventType: 'logistics.booking.confirmed',
  read: ({ root, ctx, warnings }) => [readBookingConfirmation(root, ctx, warnings)],
  occurredAt: (confirmation) => confirmation.confirmedAt,
});
