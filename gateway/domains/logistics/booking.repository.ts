import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { BookingState } from './rules/booking-state';
import type { Queryable } from '../../../core/storage/queryable';

export interface BookingRow {
  id: string;
  carrierPartnerId: string;
  /** The client's own request reference (unique per carrier and client). */
  bookingRequestRef: string | null;
  /** The request reference the carrier knows (ADR 0018): TradeHub-issued for API bookings. */
  carrierRef: string | null;
  bookingNo: string | null;
  clientId: string | null;
  state: BookingState;
  stateAt: string;
  origin: 'api' | 'carrier';
  booking: unknown;
  confirmation: unknown;
  blNos: string[];
  correlationId: string;
}

export interface HistoryRow {
  factKey: string;
  signal?: string;
  outcome: 'requested' | 'adopted' | 'applied' | 'ignored' | 'refused' | 'noted';
  fromState?: string;
  toState?: string;
  reason?: string;
  documentType: string;
  partnerId?: string;
  envelopeId?: string;
  messageId?: string;
  occurredAt: string;
}

const COLUMNS = `id, carrier_partner_id AS "carrierPartnerId", booking_request_ref AS "bookingRequestRef",
  carrier_ref AS "carrierRef", booking_no AS "bookingNo", client_id AS "clientId", state, to_json(state_at) #>> '{}' AS "stateAt",
  origin, booking, confirmation, bl_nos AS "blNos", correlation_id AS "correlationId"`;

export type NewBooking = Omit<BookingRow, 'blNos' | 'confirmation'> & { confirmation?: unknown };

/** Bookings and their history; every read for a change locks the row. */
@Injectable()
export class BookingRepository {
  /** A request reference for a carrier that no other booking has (`TH` and ten digits). */
  async nextCarrierRef(tx: PoolClient): Promise<string> {
    const { rows } = await tx.query<{ ref: string }>(
      `SELECT 'TH' || lpad(nextval('logistics_carrier_ref_seq')::text, 10, '0') AS ref`,
    );
    return rows[0].ref;
  }

  /**
   * Inserts a booking unless one exists already under its identity: the client's request
   * reference with this carrier, or the carrier's own reference or booking number.
   */
  async insert(tx: PoolClient, b: NewBooking): Promise<boolean> {
    const result = await tx.query(
      `INSERT INTO logistics_bookings (id, carrier_partner_id, booking_request_ref, booking_no, client_id,
         state, state_at, origin, booking, confirmation, correlation_id, carrier_ref)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT DO NOTHING`,
      [
        b.id,
        b.carrierPartnerId,
        b.bookingRequestRef,
        b.bookingNo,
        b.clientId,
        b.state,
        b.stateAt,
        b.origin,
        b.booking ?? null,
        b.confirmation ?? null,
        b.correlationId,
        b.carrierRef,
      ],
    );
    return result.rowCount === 1;
  }

  /**
   * Bookings a reference names as the carrier knows them (booking no. or the request reference
   * the carrier was sent), the given carrier's first; `lock` takes them FOR UPDATE.
   */
  async findByCarrierRefs(
    db: Queryable,
    refs: string[],
    partnerId?: string,
    lock = false,
  ): Promise<BookingRow[]> {
    if (refs.length === 0) return [];
    const { rows } = await db.query<BookingRow>(
      `SELECT ${COLUMNS} FROM logistics_bookings
       WHERE booking_no = ANY($1) OR carrier_ref = ANY($1)
       ORDER BY (carrier_partner_id = $2) DESC NULLS LAST, created_at ${lock ? 'FOR UPDATE' : ''}`,
      [refs, partnerId ?? null],
    );
    return rows;
  }

  /** Bookings a reference of any kind names, the client's own request reference included. */
  async findByAnyRef(db: Queryable, ref: string, lock = false): Promise<BookingRow[]> {
    const { rows } = await db.query<BookingRow>(
      `SELECT ${COLUMNS} FROM logistics_bookings
       WHERE booking_no = $1 OR carrier_ref = $1 OR booking_request_ref = $1
       ORDER BY created_at ${lock ? 'FOR UPDATE' : ''}`,
      [ref],
    );
    return rows;
  }

  /** The client's booking under its own request reference with this carrier. */
  async findOwn(
    db: Queryable,
    carrierPartnerId: string,
    clientId: string | null,
    bookingRequestRef: string,
  ): Promise<BookingRow | undefined> {
    const { rows } = await db.query<BookingRow>(
      `SELECT ${COLUMNS} FROM logistics_bookings
       WHERE carrier_partner_id = $1 AND COALESCE(client_id, '') = $2 AND booking_request_ref = $3`,
      [carrierPartnerId, clientId ?? '', bookingRequestRef],
    );
    return rows[0];
  }

  async findByBl(db: Queryable, blNo: string, lock = false): Promise<BookingRow[]> {
    const { rows } = await db.query<BookingRow>(
      `SELECT ${COLUMNS} FROM logistics_bookings WHERE bl_nos @> ARRAY[$1]::text[]
       ORDER BY created_at ${lock ? 'FOR UPDATE' : ''}`,
      [blNo],
    );
    return rows;
  }

  async lock(tx: PoolClient, id: string): Promise<BookingRow> {
    const { rows } = await tx.query<BookingRow>(
      `SELECT ${COLUMNS} FROM logistics_bookings WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  /** Moves the state (never its time backwards) and records what the fact taught. */
  async update(
    tx: PoolClient,
    id: string,
    change: {
      state?: BookingState;
      at?: string;
      bookingNo?: string;
      confirmation?: unknown;
      blNo?: string;
    },
  ): Promise<void> {
    await tx.query(
      `UPDATE logistics_bookings SET
         state = COALESCE($2, state),
         state_at = CASE WHEN $2::text IS NULL THEN state_at ELSE GREATEST(state_at, $3::timestamptz) END,
         booking_no = COALESCE(booking_no, $4),
         confirmation = COALESCE($5, confirmation),
         bl_nos = CASE WHEN $6::text IS NULL OR bl_nos @> ARRAY[$6::text] THEN bl_nos ELSE bl_nos || $6::text END,
         updated_at = now()
       WHERE id = $1`,
      [
        id,
        change.state ?? null,
        change.at ?? null,
        change.bookingNo ?? null,
        change.confirmation ?? null,
        change.blNo ?? null,
      ],
    );
  }

  /** Adds a history row; the same business fact twice is kept once. */
  async addHistory(tx: PoolClient, bookingId: string, h: HistoryRow): Promise<void> {
    await tx.query(
      `INSERT INTO logistics_booking_history (booking_id, fact_key, signal, outcome, from_state, to_state,
         reason, document_type, partner_id, envelope_id, message_id, occurred_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT (booking_id, fact_key) DO NOTHING`,
      [
        bookingId,
        h.factKey,
        h.signal ?? null,
        h.outcome,
        h.fromState ?? null,
        h.toState ?? null,
        h.reason ?? null,
        h.documentType,
        h.partnerId ?? null,
        h.envelopeId ?? null,
        h.messageId ?? null,
        h.occurredAt,
      ],
    );
  }

  async history(db: Queryable, bookingId: string): Promise<HistoryRow[]> {
    const { rows } = await db.query<HistoryRow & { recordedAt: string }>(
      `SELECT fact_key AS "factKey", signal, outcome, from_state AS "fromState", to_state AS "toState",
         reason, document_type AS "documentType", partner_id AS "partnerId", envelope_id AS "envelopeId",
         message_id AS "messageId", to_json(occurred_at) #>> '{}' AS "occurredAt",
         to_json(recorded_at) #>> '{}' AS "recordedAt"
       FROM logistics_booking_history WHERE booking_id = $1 ORDER BY seq`,
      [bookingId],
    );
    return rows.map(
      (r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) as HistoryRow,
    );
  }
}
