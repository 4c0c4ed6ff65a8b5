import * as logistics from '../../../../core/model/documents/__fixtures__/logistics.fixture';
import type { ShipmentEvent } from '../../../../core/model/documents/logistics-event.schema';
import {
  billOfLadingFact,
  confirmationFact,
  shipmentEventFact,
  shippingInstructionFact,
} from './booking-signals';

const AT = '2025-04-21T10:00:00+08:00';

const bookingEvent = (
  eventCode: string,
  documentTypeCode: 'BKG' | 'SHI' | 'TRD',
): ShipmentEvent => ({
  eventKind: 'SHIPMENT',
  classifier: 'ACT',
  eventCode,
  eventDateTime: AT,
  documentTypeCode,
  documentId: documentTypeCode === 'TRD' ? 'MAEU253419876' : '253419876',
  sourceStatusCode: eventCode,
});

describe('booking signals from canonical documents', () => {
  it('reads a confirmation with both references', () => {
    expect(confirmationFact(logistics.bookingConfirmation)).toEqual({
      bookingRefs: ['253419876', 'BR-HT-25-0417'],
      signal: { kind: 'confirmed', at: '2025-04-02T15:20:00+08:00' },
    });
  });

  it.each([
    ['PENDING_UPDATE', 'pending'],
    ['PENDING_AMENDMENT', 'pending'],
    ['UPDATE_RECEIVED', 'amended'],
    ['REJECTED', 'rejected'],
    ['DECLINED', 'rejected'],
    ['CANCELLED', 'cancelled'],
    ['COMPLETED', 'completed'],
  ] as const)('maps DCSA booking status %s to %s', (status, kind) => {
    const fact = confirmationFact({ ...logistics.bookingConfirmation, status });
    expect(fact.signal?.kind).toBe(kind);
  });

  it('treats a confirmed cancellation as cancelled and RECEIVED as no change', () => {
    const cancelled = { ...logistics.bookingConfirmation };
    cancelled.cancellationStatus = 'CANCELLATION_CONFIRMED';
    expect(confirmationFact(cancelled).signal?.kind).toBe('cancelled');
    const received = confirmationFact({ ...logistics.bookingConfirmation, status: 'RECEIVED' });
    expect(received).toMatchObject({ note: 'carrier status RECEIVED: no change' });
    expect(received.signal).toBeUndefined();
  });

  it('reads shipping instructions and B/Ls by their status', () => {
    expect(shippingInstructionFact(logistics.shippingInstruction, AT)).toEqual({
      bookingRefs: ['253419876'],
      signal: { kind: 'si-sent', at: '2025-04-16T11:00:00+08:00' },
    });
    const declined = { ...logistics.shippingInstruction, status: 'DECLINED' as const };
    expect(shippingInstructionFact(declined, AT).signal).toBeUndefined();
    expect(billOfLadingFact(logistics.billOfLading, AT)).toEqual({
      bookingRefs: ['253419876'],
      blNo: 'MAEU253419876',
      signal: { kind: 'bl-issued', at: AT },
    });
    const draft = billOfLadingFact({ ...logistics.billOfLading, status: 'DRAFT' }, AT);
    expect(draft.signal?.kind).toBe('bl-draft');
    expect(billOfLadingFact({ ...logistics.billOfLading, status: 'VOID' }, AT).signal).toBe(
      undefined,
    );
  });

  it.each([
    ['CONF', 'BKG', 'confirmed'],
    ['REJE', 'BKG', 'rejected'],
    ['PENU', 'BKG', 'pending'],
    ['CANC', 'BKG', 'cancelled'],
    ['RECE', 'SHI', 'si-sent'],
    ['DRFT', 'TRD', 'bl-draft'],
    ['ISSU', 'TRD', 'bl-issued'],
    ['SURR', 'TRD', 'completed'],
  ] as const)('maps SHIPMENT %s on %s to %s', (eventCode, doc, kind) => {
    expect(shipmentEventFact(bookingEvent(eventCode, doc))?.signal).toEqual({ kind, at: AT });
  });

  it('finds the booking of a booking event and the B/L of a document event', () => {
    expect(shipmentEventFact(bookingEvent('CONF', 'BKG'))?.bookingRefs).toEqual(['253419876']);
    expect(shipmentEventFact(bookingEvent('ISSU', 'TRD'))).toMatchObject({
      bookingRefs: [],
      blNo: 'MAEU253419876',
    });
  });

  it('carries no booking fact for movements or unrelated SHIPMENT codes', () => {
    expect(shipmentEventFact(logistics.shipmentEvent)).toBeUndefined();
    expect(shipmentEventFact(bookingEvent('HOLD', 'BKG'))).toBeUndefined();
  });
});
