import type { Booking } from '../../core/model/documents/logistics-booking.schema';
import { jsonMapping } from '../json-support/json-mapping';
import { readBookingRequest } from './booking-request.reader';

/** A DCSA Booking 2.0 request body (create or update) a shipper or forwarder sends. */
export const DCSA_BOOKING_REQUEST = 'dcsa.booking.request';

/** DCSA Booking 2.0 request -> canonical Booking (status RECEIVED unless the body says). */
export const dcsaBookingRequestMapping = jsonMapping<Booking>({
  id: 'dcsa-booking-2-request',
  messageType: DCSA_BOOKING_REQUEST,
  documentType: 'Booking',
  eventType: 'logistics.booking.requested',
  read: ({ root, message, warnings }) => [readBookingRequest(root, message.messageRef, warnings)],
  occurredAt: (_booking, ctx) => ctx.receivedAt,
});
