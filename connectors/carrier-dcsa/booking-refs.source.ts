import type { Queryable } from '../../core/storage/queryable';

/** Which of a partner's bookings the status poller follows. */
export interface BookingRefSource {
  openBookingRefs(partnerId: string, lookbackDays: number): Promise<string[]>;
}

/** Follows nothing beyond the references listed in the poll settings. */
export const noBookingRefs: BookingRefSource = { openBookingRefs: async () => [] };

/**
 * The booking requests sent to the partner: every outbound message whose delivery the
 * carrier answered with a carrierBookingRequestReference (the booking transport records it
 * in the `sent` state detail), within the look-back window.
 */
export class SentBookingRefs implements BookingRefSource {
  constructor(private readonly db: Queryable) {}

  async openBookingRefs(partnerId: string, lookbackDays: number): Promise<string[]> {
    const result = await this.db.query<{ ref: string }>(
      `SELECT DISTINCT s.detail->>'carrierBookingRequestReference' AS ref
         FROM messages m JOIN message_states s ON s.message_id = m.id
        WHERE m.direction = 'out' AND m.partner_id = $1 AND s.state = 'sent'
          AND s.detail ? 'carrierBookingRequestReference'
          AND m.received_at > now() - make_interval(days => $2)
        ORDER BY 1`,
      [partnerId, lookbackDays],
    );
    return result.rows.map((r) => r.ref).filter(Boolean);
  }
}
