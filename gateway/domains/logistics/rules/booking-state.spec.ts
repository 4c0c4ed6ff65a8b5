import {
  BOOKING_SIGNALS,
  canSendShippingInstructions,
  transition,
  type BookingDecision,
  type BookingState,
} from './booking-state';

// Columns: pending amended confirmed rejected cancelled si-sent bl-draft bl-issued completed.
// A applied, I ignored (duplicate/stale), R refused (impossible), P refused (premature).
const TABLE: Record<BookingState, string> = {
  requested: 'A A A A A P P P P',
  pending: 'I A A A A P P P P',
  amended: 'A I A A A P P P P',
  confirmed: 'A A I A A A A A P',
  'si-sent': 'I I I A A I A A P',
  'bl-draft': 'I I I R A I I A P',
  'bl-issued': 'I I I R R I I I A',
  completed: 'I I I R R I I I I',
  rejected: 'R R R I R R R R R',
  cancelled: 'R R R R I R R R R',
};

const code = (d: BookingDecision) =>
  d.outcome === 'applied' ? 'A' : d.outcome === 'ignored' ? 'I' : d.premature ? 'P' : 'R';

const T1 = '2025-04-02T08:00:00Z';
const T2 = '2025-04-03T08:00:00Z';

describe('booking state machine', () => {
  it.each(Object.entries(TABLE))('from %s follows the table', (state, row) => {
    const got = BOOKING_SIGNALS.map((kind) =>
      code(transition({ state: state as BookingState, at: T1 }, { kind, at: T2 })),
    );
    expect(got.join(' ')).toBe(row);
  });

  it('moves to the signal named state when it applies', () => {
    expect(transition({ state: 'requested', at: T1 }, { kind: 'confirmed', at: T2 })).toEqual({
      outcome: 'applied',
      to: 'confirmed',
    });
  });

  it('notes a B/L that skipped shipping instructions sent outside the platform', () => {
    expect(transition({ state: 'confirmed', at: T1 }, { kind: 'bl-draft', at: T2 })).toEqual({
      outcome: 'applied',
      to: 'bl-draft',
      note: 'shipping instructions not seen on the platform',
    });
  });

  it('ignores a step back that is older than the current state (late delivery)', () => {
    const confirmed = { state: 'confirmed' as const, at: T2 };
    expect(transition(confirmed, { kind: 'pending', at: T1 })).toMatchObject({
      outcome: 'ignored',
      reason: 'stale pending older than confirmed',
    });
    expect(transition(confirmed, { kind: 'rejected', at: T1 }).outcome).toBe('ignored');
    expect(transition({ state: 'pending', at: T2 }, { kind: 'amended', at: T1 }).outcome).toBe(
      'ignored',
    );
  });

  it('applies a newer step back: the carrier asks for an amendment after confirming', () => {
    expect(transition({ state: 'confirmed', at: T1 }, { kind: 'pending', at: T2 })).toEqual({
      outcome: 'applied',
      to: 'pending',
    });
  });

  it('gives a clear reason for what it refuses', () => {
    expect(transition({ state: 'rejected', at: T1 }, { kind: 'confirmed', at: T2 })).toEqual({
      outcome: 'refused',
      reason: 'booking is rejected; confirmed cannot follow',
      premature: false,
    });
    expect(transition({ state: 'requested', at: T1 }, { kind: 'si-sent', at: T2 })).toEqual({
      outcome: 'refused',
      reason: 'shipping instructions need a confirmed booking (requested)',
      premature: true,
    });
    expect(transition({ state: 'bl-issued', at: T1 }, { kind: 'cancelled', at: T2 })).toEqual({
      outcome: 'refused',
      reason: 'B/L is issued (bl-issued); surrender it before cancelling the booking',
      premature: false,
    });
  });

  it('lets the shipper send or update shipping instructions only once confirmed', () => {
    expect(canSendShippingInstructions({ state: 'confirmed', at: T1 }).outcome).toBe('applied');
    expect(canSendShippingInstructions({ state: 'si-sent', at: T1 })).toMatchObject({
      outcome: 'applied',
      note: 'shipping instructions update',
    });
    expect(canSendShippingInstructions({ state: 'pending', at: T1 }).outcome).toBe('refused');
    expect(canSendShippingInstructions({ state: 'bl-draft', at: T1 }).outcome).toBe('ignored');
  });
});
