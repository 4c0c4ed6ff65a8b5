import type { BookingConfirmation } from '../../../../core/model/documents/logistics-booking.schema';
import type {
  BillOfLading,
  ShippingInstruction,
} from '../../../../core/model/documents/logistics-document.schema';
import type { ShipmentEvent } from '../../../../core/model/documents/logistics-event.schema';
import type { BookingSignal, BookingSignalKind } from './booking-state';

/** A signal and the booking it is about: carrier booking numbers or a B/L to look it up by. */
export interface BookingFact {
  signal?: BookingSignal;
  /** Booking numbers or request references the document names. */
  bookingRefs: string[];
  /** The B/L the document names, to find the booking by and to remember on it. */
  blNo?: string;
  /** Why a document carries no signal (shown in the booking's history). */
  note?: string;
}

type BookingStatus = BookingConfirmation['status'];

const FROM_BOOKING_STATUS: Record<BookingStatus, BookingSignalKind | undefined> = {
  RECEIVED: undefined,
  PENDING_UPDATE: 'pending',
  PENDING_AMENDMENT: 'pending',
  UPDATE_RECEIVED: 'amended',
  CONFIRMED: 'confirmed',
  REJECTED: 'rejected',
  DECLINED: 'rejected',
  CANCELLED: 'cancelled',
  COMPLETED: 'completed',
};

const present = (...values: Array<string | undefined>): string[] =>
  values.filter((v): v is string => Boolean(v));

export function confirmationFact(bc: BookingConfirmation): BookingFact {
  const kind =
    bc.cancellationStatus === 'CANCELLATION_CONFIRMED'
      ? 'cancelled'
      : FROM_BOOKING_STATUS[bc.status];
  return {
    bookingRefs: present(bc.bookingNo, bc.bookingRequestRef),
    ...(kind
      ? { signal: { kind, at: bc.confirmedAt } }
      : { note: `carrier status ${bc.status}: no change` }),
  };
}

export function shippingInstructionFact(si: ShippingInstruction, at: string): BookingFact {
  const refused = si.status === 'DECLINED' || si.status === 'CANCELLED';
  return {
    bookingRefs: si.bookingNos,
    ...(refused
      ? { note: `shipping instructions ${si.status}` }
      : { signal: { kind: 'si-sent', at: si.submittedAt ?? at } }),
  };
}

const FROM_TD_STATUS: Record<BillOfLading['status'], BookingSignalKind | undefined> = {
  DRAFT: 'bl-draft',
  APPROVED: 'bl-draft',
  ISSUED: 'bl-issued',
  PENDING_SURRENDER_FOR_AMENDMENT: 'bl-issued',
  SURRENDER_FOR_AMENDMENT: 'bl-issued',
  PENDING_SURRENDER_FOR_DELIVERY: 'bl-issued',
  SURRENDER_FOR_DELIVERY: 'completed',
  VOID: undefined,
};

export function billOfLadingFact(bl: BillOfLading, at: string): BookingFact {
  const kind = FROM_TD_STATUS[bl.status];
  return {
    bookingRefs: bl.bookingNos,
    blNo: bl.blNo,
    ...(kind ? { signal: { kind, at } } : { note: `transport document ${bl.status}` }),
  };
}

// DCSA T&T SHIPMENT codes per document type (2.2 and the 3.0 additions).
const BOOKING_EVENT_CODES: Record<string, BookingSignalKind> = {
  CONF: 'confirmed',
  UPCF: 'confirmed',
  AMCF: 'confirmed',
  REJE: 'rejected',
  DECL: 'rejected',
  PENU: 'pending',
  PENA: 'pending',
  PENM: 'pending',
  UPRE: 'amended',
  AMRE: 'amended',
  UPDT: 'amended',
  CANC: 'cancelled',
  CACF: 'cancelled',
  CMPL: 'completed',
};
const SI_EVENT_CODES: Record<string, BookingSignalKind> = { RECE: 'si-sent', SUBM: 'si-sent' };
const TD_EVENT_CODES: Record<string, BookingSignalKind> = {
  DRFT: 'bl-draft',
  APPR: 'bl-draft',
  ISSU: 'bl-issued',
  SURR: 'completed',
  SUDL: 'completed',
};

/** A SHIPMENT-kind event about a booking, SI or transport document; undefined for others. */
export function shipmentEventFact(e: ShipmentEvent): BookingFact | undefined {
  if (e.eventKind !== 'SHIPMENT') return undefined;
  const doc = e.documentTypeCode;
  const table =
    doc === 'BKG' || doc === 'CBR'
      ? BOOKING_EVENT_CODES
      : doc === 'SHI'
        ? SI_EVENT_CODES
        : doc === 'TRD'
          ? TD_EVENT_CODES
          : undefined;
  const kind = table?.[e.eventCode];
  if (!kind) return undefined;
  const isBooking = doc === 'BKG' || doc === 'CBR';
  return {
    signal: { kind, at: e.eventDateTime },
    bookingRefs: present(e.bookingNo, isBooking ? e.documentId : undefined),
    blNo: e.transportDocumentRef ?? (doc === 'TRD' ? e.documentId : undefined),
  };
}
