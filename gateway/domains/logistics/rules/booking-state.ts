/**
 * The life of an ocean booking as TradeHub tracks it (primer §3): request, carrier answer,
 * shipping instructions, B/L draft, B/L issued. Pure: a table of transitions driven by
 * signals the canonical documents carry (booking-signals.ts).
 */
export const BOOKING_STATES = [
  'requested',
  /** The carrier waits for the shipper (DCSA PENDING_UPDATE / PENDING_AMENDMENT). */
  'pending',
  /** The shipper sent an update or amendment the carrier has not answered yet. */
  'amended',
  'confirmed',
  'si-sent',
  'bl-draft',
  'bl-issued',
  /** Transport document surrendered for delivery (DCSA COMPLETED). */
  'completed',
  /** Refused by the carrier: REJECTED before confirmation, DECLINED after. */
  'rejected',
  'cancelled',
] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

export const BOOKING_SIGNALS = [
  'pending',
  'amended',
  'confirmed',
  'rejected',
  'cancelled',
  'si-sent',
  'bl-draft',
  'bl-issued',
  'completed',
] as const;
export type BookingSignalKind = (typeof BOOKING_SIGNALS)[number];

/** One business fact about a booking, with the time the source says it happened. */
export interface BookingSignal {
  kind: BookingSignalKind;
  at: string;
}

/** Where a booking stands: its state and the time of the signal that put it there. */
export interface BookingSnapshot {
  state: BookingState;
  at: string;
}

export type BookingDecision =
  | { outcome: 'applied'; to: BookingState; note?: string }
  /** A duplicate or a stale signal: nothing changes, nothing is wrong. */
  | { outcome: 'ignored'; reason: string }
  /**
   * Cannot happen from this state. `premature`: a prerequisite (the confirmation) has not been
   * seen yet and may still arrive, so a handler retries; otherwise it is impossible.
   */
  | { outcome: 'refused'; reason: string; premature: boolean };

// Progress along the main line; pending/amended sit beside each other before confirmation.
const RANK: Record<BookingState, number> = {
  requested: 0,
  pending: 1,
  amended: 1,
  confirmed: 2,
  'si-sent': 3,
  'bl-draft': 4,
  'bl-issued': 5,
  completed: 6,
  rejected: -1,
  cancelled: -1,
};

const TERMINAL: ReadonlySet<BookingState> = new Set(['rejected', 'cancelled']);
const TARGET: Record<BookingSignalKind, BookingState> = {
  pending: 'pending',
  amended: 'amended',
  confirmed: 'confirmed',
  rejected: 'rejected',
  cancelled: 'cancelled',
  'si-sent': 'si-sent',
  'bl-draft': 'bl-draft',
  'bl-issued': 'bl-issued',
  completed: 'completed',
};

const applied = (to: BookingState, note?: string): BookingDecision => ({
  outcome: 'applied',
  to,
  ...(note ? { note } : {}),
});
const ignored = (reason: string): BookingDecision => ({ outcome: 'ignored', reason });
const impossible = (reason: string): BookingDecision => ({
  outcome: 'refused',
  reason,
  premature: false,
});
const premature = (reason: string): BookingDecision => ({
  outcome: 'refused',
  reason,
  premature: true,
});

const older = (signal: BookingSignal, current: BookingSnapshot) =>
  Date.parse(signal.at) < Date.parse(current.at);

/** What a signal does to a booking in `current`. */
export function transition(current: BookingSnapshot, signal: BookingSignal): BookingDecision {
  const from = current.state;
  const to = TARGET[signal.kind];
  if (from === to) return ignored(`already ${from}: duplicate ${signal.kind}`);
  if (TERMINAL.has(from)) return impossible(`booking is ${from}; ${signal.kind} cannot follow`);
  const rank = RANK[from];
  switch (signal.kind) {
    case 'confirmed':
      return rank < 2 ? applied(to) : ignored(`stale confirmation: booking is already ${from}`);
    case 'pending':
    case 'amended':
      if (rank > 2) return ignored(`${signal.kind} after shipping instructions: state kept`);
      // A step back (confirmed -> pending) or sideways must be newer than where we stand.
      return older(signal, current)
        ? ignored(`stale ${signal.kind} older than ${from}`)
        : applied(to);
    case 'rejected':
      if (rank > 3) return impossible(`booking has a B/L (${from}); void the B/L, not the booking`);
      return rank >= 2 && older(signal, current)
        ? ignored(`stale rejection older than ${from}`)
        : applied(to);
    case 'cancelled':
      return rank > 4
        ? impossible(`B/L is issued (${from}); surrender it before cancelling the booking`)
        : applied(to);
    case 'si-sent':
      if (rank < 2) return premature(`shipping instructions need a confirmed booking (${from})`);
      return rank > 3 ? ignored(`stale shipping instructions: booking is ${from}`) : applied(to);
    case 'bl-draft':
    case 'bl-issued':
      if (rank < 2) return premature(`${signal.kind} before the booking is confirmed (${from})`);
      if (rank >= RANK[to]) return ignored(`stale ${signal.kind}: booking is already ${from}`);
      return applied(to, rank < 3 ? 'shipping instructions not seen on the platform' : undefined);
    case 'completed':
      return rank < 5 ? premature(`completed before the B/L is issued (${from})`) : applied(to);
  }
}

/** Whether the shipper may send (or update) shipping instructions in this state. */
export function canSendShippingInstructions(current: BookingSnapshot): BookingDecision {
  if (current.state === 'si-sent') return applied('si-sent', 'shipping instructions update');
  return transition(current, { kind: 'si-sent', at: current.at });
}
