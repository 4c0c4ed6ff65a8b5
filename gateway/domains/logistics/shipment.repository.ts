import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { ArrivalEntry, Eta } from './rules/eta';
import type { Queryable } from '../../../core/storage/queryable';

/** Entries that belong to a B/L: its own, and those of its containers and bookings naming no B/L. */
const OF_BL = `(e.bl_no = $1 OR (e.bl_no IS NULL AND (
    e.container_no IN (SELECT value FROM logistics_shipment_links WHERE bl_no = $1 AND ref_kind = 'containerNo')
    OR e.booking_no IN (SELECT value FROM logistics_shipment_links WHERE bl_no = $1 AND ref_kind = 'bookingNo'))))`;

export interface ShipmentRow {
  blNo: string;
  clientId: string | null;
  portOfDischarge: string | null;
  eta: Eta | null;
}

export interface EntryView {
  identity: string;
  eventKind: string;
  eventCode: string;
  classifier: string;
  eventDateTime: string;
  location: string | null;
  blNo: string | null;
  bookingNo: string | null;
  containerNo: string | null;
  current: boolean;
  retracted: boolean;
  clientId: string | null;
  description: string | null;
  sources: Array<Record<string, unknown>>;
}

/** Shipments by B/L: which containers and bookings they hold, their ETA, their timeline. */
@Injectable()
export class ShipmentRepository {
  /** Remembers that containers or bookings travel under a B/L. */
  async link(tx: PoolClient, blNo: string, kind: 'containerNo' | 'bookingNo', values: string[]) {
    if (values.length === 0) return;
    await tx.query(
      `INSERT INTO logistics_shipment_links (bl_no, ref_kind, value) SELECT $1, $2, unnest($3::text[])
       ON CONFLICT DO NOTHING`,
      [blNo, kind, values],
    );
  }

  /** Creates the shipment if new, completing what it knows; locks it until the tx ends. */
  async lock(tx: PoolClient, blNo: string, known: { clientId?: string | null; pod?: string }) {
    await tx.query(
      `INSERT INTO logistics_shipments (bl_no, client_id, port_of_discharge) VALUES ($1,$2,$3)
       ON CONFLICT (bl_no) DO UPDATE SET client_id = COALESCE(logistics_shipments.client_id, $2),
         port_of_discharge = COALESCE($3, logistics_shipments.port_of_discharge)`,
      [blNo, known.clientId ?? null, known.pod ?? null],
    );
    const { rows } = await tx.query<ShipmentRow>(
      `SELECT bl_no AS "blNo", client_id AS "clientId", eta, COALESCE(port_of_discharge, (
           SELECT COALESCE(b.confirmation #>> '{portOfDischarge,unLocode}', b.booking #>> '{portOfDischarge,unLocode}')
           FROM logistics_bookings b WHERE b.bl_nos @> ARRAY[$1]::text[] LIMIT 1)) AS "portOfDischarge"
       FROM logistics_shipments WHERE bl_no = $1 FOR UPDATE`,
      [blNo],
    );
    return rows[0];
  }

  async setEta(tx: PoolClient, blNo: string, eta: Eta | undefined): Promise<void> {
    await tx.query('UPDATE logistics_shipments SET eta = $2, updated_at = now() WHERE bl_no = $1', [
      blNo,
      eta ?? null,
    ]);
  }

  /** B/Ls an event belongs to: the one it names, or those its booking or container is linked to. */
  async blsOf(
    tx: Queryable,
    refs: Record<'blNo' | 'bookingNo' | 'containerNo', string | null | undefined>,
  ) {
    const { rows } = await tx.query<{ bl: string }>(
      `SELECT $1::text AS bl WHERE $1 IS NOT NULL
       UNION SELECT bl_no FROM logistics_shipment_links
       WHERE $1 IS NULL AND ((ref_kind = 'bookingNo' AND value = $2) OR (ref_kind = 'containerNo' AND value = $3))`,
      [refs.blNo ?? null, refs.bookingNo ?? null, refs.containerNo ?? null],
    );
    return rows.map((r) => r.bl);
  }

  async arrivals(tx: PoolClient, blNo: string): Promise<ArrivalEntry[]> {
    const { rows } = await tx.query<ArrivalEntry>(
      `SELECT identity, classifier, event->>'eventDateTime' AS "eventDateTime", location AS "unLocode"
       FROM logistics_timeline_entries e
       WHERE is_current AND event_kind = 'TRANSPORT' AND event_code = 'ARRI' AND ${OF_BL}`,
      [blNo],
    );
    return rows.map((r) => (r.unLocode ? r : { ...r, unLocode: undefined }));
  }

  async get(db: Queryable, blNo: string): Promise<ShipmentRow | undefined> {
    const { rows } = await db.query<ShipmentRow>(
      `SELECT bl_no AS "blNo", client_id AS "clientId", port_of_discharge AS "portOfDischarge", eta
       FROM logistics_shipments WHERE bl_no = $1`,
      [blNo],
    );
    return rows[0];
  }

  async linksOf(db: Queryable, blNo: string) {
    const { rows } = await db.query<{ kind: string; values: string[] }>(
      `SELECT ref_kind AS kind, array_agg(value ORDER BY value) AS values
       FROM logistics_shipment_links WHERE bl_no = $1 GROUP BY ref_kind`,
      [blNo],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, r.values])) as Record<string, string[]>;
  }

  /**
   * A B/L's timeline, optionally narrowed to one container (its own events plus the B/L's
   * vessel movements), in event time order, with every source.
   */
  async entries(db: Queryable, blNo: string, opts: { containerNo?: string; all?: boolean } = {}) {
    const where = `${OF_BL} AND ($2::text IS NULL OR e.container_no = $2 OR e.event_kind <> 'EQUIPMENT')
      AND ($3 OR e.is_current)`;
    const { rows } = await db.query<EntryView>(entrySelect(where), [
      blNo,
      opts.containerNo ?? null,
      opts.all ?? false,
    ]);
    return rows;
  }

  /** Current entries of a container or booking no B/L is known for yet. */
  async unlinkedEntries(db: Queryable, ref: string) {
    const where = `e.bl_no IS NULL AND e.is_current AND (e.container_no = $1 OR e.booking_no = $1)`;
    const { rows } = await db.query<EntryView>(entrySelect(where), [ref]);
    return rows;
  }

  /** B/Ls a reference of any kind points to: a B/L, a container, a booking, a request ref. (the client's or the carrier's) */
  async findByRef(db: Queryable, ref: string): Promise<string[]> {
    const { rows } = await db.query<{ bl: string }>(
      `SELECT bl_no AS bl FROM logistics_shipments WHERE bl_no = $1
       UNION SELECT bl_no FROM logistics_shipment_links WHERE value = $1
       UNION SELECT bl_no FROM logistics_timeline_entries WHERE bl_no IS NOT NULL AND (bl_no = $1 OR container_no = $1 OR booking_no = $1)
       UNION SELECT unnest(bl_nos) FROM logistics_bookings WHERE booking_no = $1 OR booking_request_ref = $1 OR carrier_ref = $1
       ORDER BY 1`,
      [ref],
    );
    return rows.map((r) => r.bl);
  }
}

function entrySelect(where: string): string {
  return `SELECT e.identity, e.event_kind AS "eventKind", e.event_code AS "eventCode", e.classifier,
      e.event->>'eventDateTime' AS "eventDateTime", e.location, e.bl_no AS "blNo",
      e.booking_no AS "bookingNo", e.container_no AS "containerNo", e.is_current AS current,
      e.retracted, e.client_id AS "clientId", e.event->>'sourceStatusDescription' AS description,
      (SELECT json_agg(json_build_object('partnerId', s.partner_id, 'format', s.format,
         'messageType', s.message_type, 'messageId', s.message_id, 'envelopeId', s.envelope_id,
         'sourceEventId', s.source_event_id, 'statusCode', s.status_code,
         'receivedAt', s.received_at, 'retracted', s.retracted) ORDER BY s.received_at)
       FROM logistics_timeline_sources s WHERE s.identity = e.identity) AS sources
    FROM logistics_timeline_entries e WHERE ${where}
    ORDER BY e.event_at, e.event_kind, e.event_code`;
}
