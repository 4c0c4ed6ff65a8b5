import type { PoolClient } from 'pg';
import type { SlotEntry } from './rules/timeline-merge';
import type { ShipmentEvent } from '../../../core/model/documents/logistics-event.schema';

export interface NewEntry {
  identity: string;
  slot: string;
  event: ShipmentEvent;
  reportedAt: string;
  clientId: string | null;
}

export interface NewSource {
  identity: string;
  sourceKey: string;
  partnerId: string;
  sourceEventId?: string;
  format: string;
  messageType?: string;
  messageId?: string;
  envelopeId: string;
  statusCode: string;
  receivedAt: string;
}

/** Affected entry of a retraction. */
export interface RetractedEntry {
  identity: string;
  slot: string;
  retracted: boolean;
  eventKind: string;
  eventCode: string;
  blNo: string | null;
  bookingNo: string | null;
  containerNo: string | null;
}

/** Timeline entries, their sources and retractions (writes only happen inside a handler tx). */
export class TimelineRepository {
  /** Serialises work on one milestone slot until the transaction ends. */
  async lockSlot(tx: PoolClient, slot: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7331))', [slot]);
  }

  async isRetracted(tx: PoolClient, partnerId: string, sourceEventId: string | undefined) {
    if (!sourceEventId) return false;
    const { rowCount } = await tx.query(
      'SELECT 1 FROM logistics_retractions WHERE partner_id = $1 AND source_event_id = $2',
      [partnerId, sourceEventId],
    );
    return rowCount === 1;
  }

  /** Stores the entry, or completes the one stored: a second source may carry more refs. */
  async upsertEntry(tx: PoolClient, e: NewEntry): Promise<void> {
    const ev = e.event;
    await tx.query(
      `INSERT INTO logistics_timeline_entries (identity, slot, event_kind, event_code, classifier, event_at,
         reported_at, bl_no, booking_no, container_no, location, event, client_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
       ON CONFLICT (identity) DO UPDATE SET
         bl_no = COALESCE(logistics_timeline_entries.bl_no, EXCLUDED.bl_no),
         booking_no = COALESCE(logistics_timeline_entries.booking_no, EXCLUDED.booking_no),
         container_no = COALESCE(logistics_timeline_entries.container_no, EXCLUDED.container_no),
         client_id = COALESCE(logistics_timeline_entries.client_id, EXCLUDED.client_id)`,
      [
        e.identity,
        e.slot,
        ev.eventKind,
        ev.eventCode,
        ev.classifier,
        ev.eventDateTime,
        e.reportedAt,
        ev.transportDocumentRef ?? null,
        ev.bookingNo ?? null,
        ev.equipmentReference ?? null,
        ev.location?.unLocode ?? ev.transportCall?.location?.unLocode ?? null,
        ev,
        e.clientId,
      ],
    );
  }

  async addSource(tx: PoolClient, s: NewSource): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO logistics_timeline_sources (identity, source_key, partner_id, source_event_id, format,
         message_type, message_id, envelope_id, status_code, received_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT DO NOTHING`,
      [
        s.identity,
        s.sourceKey,
        s.partnerId,
        s.sourceEventId ?? null,
        s.format,
        s.messageType ?? null,
        s.messageId ?? null,
        s.envelopeId,
        s.statusCode,
        s.receivedAt,
      ],
    );
    return rowCount === 1;
  }

  async slotEntries(
    tx: PoolClient,
    slot: string,
  ): Promise<Array<SlotEntry & { isCurrent: boolean }>> {
    const { rows } = await tx.query<SlotEntry & { isCurrent: boolean }>(
      `SELECT identity, classifier, event->>'eventDateTime' AS "eventDateTime",
         to_json(reported_at) #>> '{}' AS "reportedAt", retracted, is_current AS "isCurrent"
       FROM logistics_timeline_entries WHERE slot = $1`,
      [slot],
    );
    return rows;
  }

  async setCurrent(tx: PoolClient, slot: string, identity: string | undefined): Promise<void> {
    await tx.query(
      `UPDATE logistics_timeline_entries SET is_current = COALESCE(identity = $2, false)
       WHERE slot = $1 AND is_current <> COALESCE(identity = $2, false)`,
      [slot, identity ?? null],
    );
  }

  /**
   * Records a retraction and withdraws the partner's report of that event; an entry left with
   * no live source is retracted.
   */
  async retract(
    tx: PoolClient,
    partnerId: string,
    sourceEventId: string,
    envelopeId: string,
  ): Promise<RetractedEntry[]> {
    await tx.query(
      `INSERT INTO logistics_retractions (partner_id, source_event_id, envelope_id) VALUES ($1,$2,$3)
       ON CONFLICT DO NOTHING`,
      [partnerId, sourceEventId, envelopeId],
    );
    const { rows } = await tx.query<RetractedEntry>(
      `WITH withdrawn AS (
         UPDATE logistics_timeline_sources SET retracted = true
         WHERE partner_id = $1 AND source_event_id = $2 AND NOT retracted RETURNING identity)
       UPDATE logistics_timeline_entries e SET retracted = NOT EXISTS (
         SELECT 1 FROM logistics_timeline_sources s
         WHERE s.identity = e.identity AND NOT s.retracted AND NOT (s.partner_id = $1 AND s.source_event_id = $2))
       WHERE e.identity IN (SELECT identity FROM withdrawn)
       RETURNING e.identity, e.slot, e.retracted, e.event_kind AS "eventKind", e.event_code AS "eventCode",
         e.bl_no AS "blNo", e.booking_no AS "bookingNo", e.container_no AS "containerNo"`,
      [partnerId, sourceEventId],
    );
    return rows;
  }
}
