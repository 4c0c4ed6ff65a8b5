import type { BookingStatusSchema } from '../../core/model/documents/logistics-common.schema';
import type { z } from 'zod';
import { mappingError } from '../carrier-edifact/mapping-error';
import type { MessageHeader } from '../carrier-edifact/message-header';
import { ownEntry } from '../../core/collections';

type BookingStatus = z.infer<typeof BookingStatusSchema>;

// BGM 4343 response type: the carrier's answer to the request.
const BY_RESPONSE: Record<string, BookingStatus> = {
  AP: 'CONFIRMED',
  RE: 'REJECTED',
  CA: 'PENDING_UPDATE',
};
// BGM 1225 + 4343 pairs that mean more than either alone: a cancellation the carrier marks
// accepted (1/AP) answers the shipper's cancellation request, which DCSA calls CANCELLED.
const BY_PAIR: Record<string, BookingStatus> = { '1/AP': 'CANCELLED' };
// BGM 1225 message function when 4343 is absent. A cancellation (1) on the carrier's own
// initiative is DECLINED: DCSA keeps CANCELLED for the shipper's side. 12 not processed and
// 27 not accepted reject.
const BY_FUNCTION: Record<string, BookingStatus> = {
  '9': 'CONFIRMED',
  '5': 'CONFIRMED',
  '4': 'CONFIRMED',
  '6': 'CONFIRMED',
  '29': 'CONFIRMED',
  '1': 'DECLINED',
  '12': 'REJECTED',
  '27': 'REJECTED',
};

/** The carrier's own status as the message writes it: '9', or '9/RE' with a response type. */
export const rawBookingStatus = (header: MessageHeader): string =>
  [header.function ?? '', header.responseType].filter((p) => p !== undefined).join('/');

/**
 * DCSA booking status of an IFTMBC: the partner's table ('9/RE', then '9') first, then a
 * function/response pair, then the response type (except on a cancellation, where the
 * function decides), then the message function.
 */
export function bookingStatus(
  header: MessageHeader,
  overrides: Record<string, BookingStatus>,
): BookingStatus {
  const fn = header.function ?? '';
  const response = header.responseType;
  const status =
    (response !== undefined ? ownEntry(overrides, `${fn}/${response}`) : undefined) ??
    ownEntry(overrides, fn) ??
    ownEntry(BY_PAIR, `${fn}/${response ?? ''}`) ??
    (response !== undefined && fn !== '1' ? ownEntry(BY_RESPONSE, response) : undefined) ??
    ownEntry(BY_FUNCTION, fn);
  if (!status) {
    throw mappingError(
      `booking status ${rawBookingStatus(header) || '(none)'} is not known`,
      header.bgm,
      'unknown-booking-status',
    );
  }
  return status;
}

/** The SHIPMENT event code that reports a booking status without a full confirmation. */
export const STATUS_EVENT_CODES: Record<BookingStatus, string> = {
  RECEIVED: 'RECE',
  PENDING_UPDATE: 'PENU',
  UPDATE_RECEIVED: 'RECE',
  CONFIRMED: 'CONF',
  PENDING_AMENDMENT: 'PENA',
  REJECTED: 'REJE',
  DECLINED: 'REJE',
  CANCELLED: 'CANC',
  COMPLETED: 'CMPL',
};
