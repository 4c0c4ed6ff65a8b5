import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type {
  ExportDeclaration,
  ImportDeclaration,
} from '../../../core/model/documents/customs-declaration.schema';
import type { Queryable } from '../../../core/storage/queryable';
import type { DraftProblem } from './rules/declaration-draft';
import type { DeclarationState } from './rules/declaration-state';
import { prepared } from '../../../core/storage/prepared';

const SAVE_SOURCES = prepared(
  `INSERT INTO clearance_sources (client_key, order_no, document_type, client_id, payload, envelope_id, updated_at)
   SELECT t.client_key, t.order_no, t.document_type, t.client_id, t.payload, t.envelope_id, t.updated_at
     FROM jsonb_to_recordset($1::jsonb) AS t(client_key text, order_no text, document_type text,
       client_id text, payload jsonb, envelope_id uuid, updated_at timestamptz)
   ON CONFLICT (client_key, order_no, document_type) DO UPDATE SET payload = EXCLUDED.payload,
     envelope_id = EXCLUDED.envelope_id, updated_at = EXCLUDED.updated_at
   WHERE clearance_sources.updated_at <= EXCLUDED.updated_at`,
);

const STORED_SOURCES = prepared(
  `SELECT s.client_key || chr(31) || s.order_no || chr(31) || s.document_type AS key, s.payload
   FROM clearance_sources s
   JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(client_key, order_no, document_type)
     ON k.client_key = s.client_key AND k.order_no = s.order_no AND k.document_type = s.document_type`,
);

const ORDERS_READY = prepared(
  `SELECT s.client_key, max(s.client_id) AS client_id, s.order_no
     FROM clearance_sources s
     JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[])) AS o(client_key, order_no)
       ON o.client_key = s.client_key AND o.order_no = s.order_no
    GROUP BY s.client_key, s.order_no
   HAVING count(*) FILTER (WHERE s.document_type IN ('SalesOrder', 'Booking')) = 2
       OR count(*) FILTER (WHERE s.document_type IN ('PurchaseOrder', 'BillOfLading')) = 2
       -- A 1210 bonded import is drafted from its order alone: the stock is in the zone.
       OR bool_or(s.document_type = 'SalesOrder' AND s.payload->>'customsMode' = '1210')
    ORDER BY s.client_key, s.order_no`,
);

export interface DeclarationRow {
  id: string;
  clientKey: string;
  clientId: string | null;
  orderNo: string;
  clientRef: string;
  supervisionMode: string;
  port: string;
  state: DeclarationState;
  /** An export (consignor) or, drafted from a purchase order and its B/L, an import (consignee). */
  declaration: ExportDeclaration | ImportDeclaration;
  problems: DraftProblem[];
  hold: string | null;
  submissionGuid: string | null;
  recordGuid: string | null;
  stateAt: string | null;
  reason: string | null;
  submittedAt: string | null;
  /** The list number customs gave in its receipt (CEB604 invtNo). */
  inventoryNo: string | null;
  /** The CEB605 withdrawal sent for a cancelled order: message and record guid. */
  cancellationGuid: string | null;
  cancellationRecordGuid: string | null;
  /** The CEB701 summary this (9610) list was summed in. */
  summaryId: string | null;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, client_key AS "clientKey", client_id AS "clientId", order_no AS "orderNo",
  client_ref AS "clientRef", supervision_mode AS "supervisionMode", port, state, declaration, problems, hold,
  submission_guid AS "submissionGuid", record_guid AS "recordGuid", to_json(state_at) #>> '{}' AS "stateAt",
  reason, inventory_no AS "inventoryNo", cancellation_guid AS "cancellationGuid",
  cancellation_record_guid AS "cancellationRecordGuid", summary_id AS "summaryId", to_json(submitted_at) #>> '{}' AS "submittedAt", to_json(created_at) #>> '{}' AS "createdAt",
  to_json(updated_at) #>> '{}' AS "updatedAt"`;

export interface DeclarationFilter {
  clientKey?: string;
  state?: string;
  port?: string;
  from?: string;
  to?: string;
  ref?: string;
}

/** A document a declaration is drafted from, kept per client, order and document type. */
export interface ClearanceSource {
  clientKey: string;
  clientId: string | null;
  orderNo: string;
  documentType: string;
  payload: unknown;
  envelopeId: string;
  at: string;
}

/** The export declaration of a row the e-commerce lists and summaries are filed for. */
export function exportOf(row: Pick<DeclarationRow, 'id' | 'declaration'>): ExportDeclaration {
  if (!('consignor' in row.declaration))
    throw new Error(`declaration ${row.id} is an import, not an export`);
  return row.declaration;
}

/** Declarations, their sources, state history, receipts and alerts (tables 0300-clearance). */
@Injectable()
export class ClearanceRepository {
  /** Keeps the newest of each source document; an older one arriving late changes nothing. */
  async saveSources(tx: PoolClient, sources: ClearanceSource[]): Promise<void> {
    await tx.query({
      ...SAVE_SOURCES,
      values: [
        JSON.stringify(
          sources.map((s) => ({
            client_key: s.clientKey,
            order_no: s.orderNo,
            document_type: s.documentType,
            client_id: s.clientId,
            payload: s.payload,
            envelope_id: s.envelopeId,
            updated_at: s.at,
          })),
        ),
      ],
    });
  }

  /** The stored payloads of these sources, by client, order and document type (unit-separator joined). */
  async storedSources(tx: PoolClient, sources: ClearanceSource[]): Promise<Map<string, unknown>> {
    const { rows } = await tx.query<{ key: string; payload: unknown }>({
      ...STORED_SOURCES,
      values: [
        sources.map((s) => s.clientKey),
        sources.map((s) => s.orderNo),
        sources.map((s) => s.documentType),
      ],
    });
    return new Map(rows.map((r) => [r.key, r.payload]));
  }

  /** Of these sources' orders, those that now hold both their SalesOrder and their Booking. */
  async ordersReadyToDraft(
    tx: PoolClient,
    sources: ClearanceSource[],
  ): Promise<Array<{ clientKey: string; clientId: string | null; orderNo: string }>> {
    const { rows } = await tx.query<{
      client_key: string;
      client_id: string | null;
      order_no: string;
    }>({
      ...ORDERS_READY,
      values: [sources.map((s) => s.clientKey), sources.map((s) => s.orderNo)],
    });
    return rows.map((r) => ({
      clientKey: r.client_key,
      clientId: r.client_id,
      orderNo: r.order_no,
    }));
  }

  async sources(
    db: Queryable,
    clientKey: string,
    orderNo: string,
  ): Promise<Record<string, unknown>> {
    const { rows } = await db.query<{ document_type: string; payload: unknown }>(
      'SELECT document_type, payload FROM clearance_sources WHERE client_key = $1 AND order_no = $2',
      [clientKey, orderNo],
    );
    return Object.fromEntries(rows.map((r) => [r.document_type, r.payload]));
  }

  async lockByOrder(
    tx: PoolClient,
    clientKey: string,
    orderNo: string,
  ): Promise<DeclarationRow | undefined> {
    const { rows } = await tx.query<DeclarationRow>(
      `SELECT ${COLUMNS} FROM clearance_declarations WHERE client_key = $1 AND order_no = $2 FOR UPDATE`,
      [clientKey, orderNo],
    );
    return rows[0];
  }

  async lockById(tx: PoolClient, id: string): Promise<DeclarationRow | undefined> {
    const { rows } = await tx.query<DeclarationRow>(
      `SELECT ${COLUMNS} FROM clearance_declarations WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  async lockByGuid(tx: PoolClient, guid: string): Promise<DeclarationRow | undefined> {
    const { rows } = await tx.query<DeclarationRow>(
      `SELECT ${COLUMNS} FROM clearance_declarations WHERE submission_guid = $1 OR record_guid = $1
         OR cancellation_guid = $1 OR cancellation_record_guid = $1 FOR UPDATE`,
      [guid],
    );
    return rows[0];
  }

  async get(db: Queryable, id: string): Promise<DeclarationRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const { rows } = await db.query<DeclarationRow>(
      `SELECT ${COLUMNS} FROM clearance_declarations WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async list(db: Queryable, f: DeclarationFilter): Promise<DeclarationRow[]> {
    const { rows } = await db.query<DeclarationRow>(
      `SELECT ${COLUMNS} FROM clearance_declarations
        WHERE ($1::text IS NULL OR client_key = $1) AND ($2::text IS NULL OR state = $2)
          AND ($3::text IS NULL OR port = $3) AND ($4::timestamptz IS NULL OR created_at >= $4)
          AND ($5::timestamptz IS NULL OR created_at < $5)
          AND ($6::text IS NULL OR client_ref = $6 OR order_no = $6 OR submission_guid = $6)
        ORDER BY created_at DESC LIMIT 200`,
      [
        f.clientKey ?? null,
        f.state ?? null,
        f.port ?? null,
        f.from ?? null,
        f.to ?? null,
        f.ref ?? null,
      ],
    );
    return rows;
  }

  async insert(
    tx: PoolClient,
    row: Omit<
      DeclarationRow,
      | 'createdAt'
      | 'updatedAt'
      | 'submittedAt'
      | 'stateAt'
      | 'reason'
      | 'submissionGuid'
      | 'recordGuid'
      | 'inventoryNo'
      | 'cancellationGuid'
      | 'cancellationRecordGuid'
      | 'summaryId'
    >,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO clearance_declarations (id, client_key, client_id, order_no, client_ref, supervision_mode, port, state, declaration, problems, hold)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        row.id,
        row.clientKey,
        row.clientId,
        row.orderNo,
        row.clientRef,
        row.supervisionMode,
        row.port,
        row.state,
        row.declaration,
        JSON.stringify(row.problems),
        row.hold,
      ],
    );
  }

  async update(
    tx: PoolClient,
    id: string,
    set: Partial<
      Pick<
        DeclarationRow,
        | 'state'
        | 'declaration'
        | 'problems'
        | 'hold'
        | 'submissionGuid'
        | 'recordGuid'
        | 'stateAt'
        | 'reason'
        | 'submittedAt'
        | 'inventoryNo'
        | 'cancellationGuid'
        | 'cancellationRecordGuid'
      >
    >,
  ): Promise<void> {
    const columns: Record<string, string> = {
      state: 'state',
      declaration: 'declaration',
      problems: 'problems',
      hold: 'hold',
      submissionGuid: 'submission_guid',
      recordGuid: 'record_guid',
      stateAt: 'state_at',
      reason: 'reason',
      submittedAt: 'submitted_at',
      inventoryNo: 'inventory_no',
      cancellationGuid: 'cancellation_guid',
      cancellationRecordGuid: 'cancellation_record_guid',
    };
    const entries = Object.entries(set);
    if (entries.length === 0) return;
    const assignments = entries.map(([key], i) => `${columns[key]} = $${i + 2}`);
    const values = entries.map(([key, v]) => (key === 'problems' ? JSON.stringify(v) : v));
    await tx.query(
      `UPDATE clearance_declarations SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1`,
      [id, ...values],
    );
  }

  async history(db: Queryable, id: string) {
    const { rows } = await db.query<{
      from: string | null;
      to: string;
      at: string;
      note: string | null;
    }>(
      `SELECT from_state AS "from", to_state AS "to", to_json(at) #>> '{}' AS at, note FROM clearance_history
        WHERE declaration_id = $1 ORDER BY id`,
      [id],
    );
    return rows;
  }

  async addHistory(
    tx: PoolClient,
    id: string,
    from: string | null,
    to: string,
    at: string,
    note?: string,
  ): Promise<void> {
    await tx.query(
      'INSERT INTO clearance_history (declaration_id, from_state, to_state, at, note) VALUES ($1, $2, $3, $4, $5)',
      [id, from, to, at, note ?? null],
    );
  }

  async addReceipt(
    tx: PoolClient,
    r: {
      declarationId: string | null;
      guid?: string;
      receipt: unknown;
      applied: boolean;
      why?: string;
    },
  ): Promise<void> {
    await tx.query(
      'INSERT INTO clearance_receipts (declaration_id, guid, receipt, applied, why) VALUES ($1, $2, $3, $4, $5)',
      [r.declarationId, r.guid ?? null, r.receipt, r.applied, r.why ?? null],
    );
  }

  async receipts(db: Queryable, id: string) {
    const { rows } = await db.query<{
      receipt: unknown;
      applied: boolean;
      why: string | null;
      receivedAt: string;
    }>(
      `SELECT receipt, applied, why, to_json(received_at) #>> '{}' AS "receivedAt" FROM clearance_receipts
        WHERE declaration_id = $1 ORDER BY id`,
      [id],
    );
    return rows;
  }

  /** Raises an alert once per dedup key; false when it was raised before. */
  async raiseAlert(
    db: Queryable,
    a: {
      clientKey: string;
      clientId: string | null;
      declarationId?: string;
      kind: string;
      dedupKey: string;
      detail: unknown;
    },
  ): Promise<boolean> {
    const { rowCount } = await db.query(
      `INSERT INTO clearance_alerts (id, client_key, client_id, declaration_id, kind, dedup_key, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedup_key) DO NOTHING`,
      [
        randomUUID(),
        a.clientKey,
        a.clientId,
        a.declarationId ?? null,
        a.kind,
        a.dedupKey,
        a.detail,
      ],
    );
    return (rowCount ?? 0) > 0;
  }

  async alerts(db: Queryable, clientKey: string | undefined, open: boolean) {
    const { rows } = await db.query(
      `SELECT id, client_id AS "clientId", declaration_id AS "declarationId", kind, detail,
              to_json(raised_at) #>> '{}' AS "raisedAt", cleared_by AS "clearedBy", to_json(cleared_at) #>> '{}' AS "clearedAt"
         FROM clearance_alerts WHERE ($1::text IS NULL OR client_key = $1) AND (NOT $2 OR cleared_at IS NULL)
        ORDER BY raised_at DESC LIMIT 200`,
      [clientKey ?? null, open],
    );
    return rows as Array<{
      id: string;
      clientId: string | null;
      declarationId: string | null;
      kind: string;
      detail: unknown;
    }>;
  }

  async clearAlert(tx: PoolClient, id: string, by: string) {
    const { rows } = await tx.query<{
      declarationId: string | null;
      kind: string;
      clientId: string | null;
    }>(
      `UPDATE clearance_alerts SET cleared_by = $2, cleared_at = now() WHERE id = $1 AND cleared_at IS NULL
       RETURNING declaration_id AS "declarationId", kind, client_id AS "clientId"`,
      [id, by],
    );
    return rows[0];
  }

  async openHolds(db: Queryable, declarationId: string): Promise<number> {
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM clearance_alerts WHERE declaration_id = $1 AND kind = 'SCREENING_HIT' AND cleared_at IS NULL`,
      [declarationId],
    );
    return Number(rows[0].n);
  }

  async overdue(db: Queryable, olderThan: Date): Promise<DeclarationRow[]> {
    const { rows } = await db.query<DeclarationRow>(
      `SELECT ${COLUMNS} FROM clearance_declarations
        WHERE state NOT IN ('DRAFT', 'RELEASED', 'CLOSED', 'CANCELLED') AND COALESCE(state_at, submitted_at) < $1`,
      [olderThan.toISOString()],
    );
    return rows;
  }

  async putClient(db: Queryable, clientKey: string, profile: unknown): Promise<void> {
    await db.query(
      `INSERT INTO clearance_clients (client_key, profile) VALUES ($1, $2)
       ON CONFLICT (client_key) DO UPDATE SET profile = EXCLUDED.profile, updated_at = now()`,
      [clientKey, profile],
    );
  }

  async client<T>(db: Queryable, clientKey: string): Promise<T | undefined> {
    const { rows } = await db.query<{ profile: T }>(
      'SELECT profile FROM clearance_clients WHERE client_key = $1',
      [clientKey],
    );
    return rows[0]?.profile;
  }

  async clients<T>(db: Queryable): Promise<Array<{ clientKey: string; profile: T }>> {
    const { rows } = await db.query<{ clientKey: string; profile: T }>(
      'SELECT client_key AS "clientKey", profile FROM clearance_clients',
    );
    return rows;
  }

  async putCatalogue(
    db: Queryable,
    kind: 'hs' | 'product',
    clientKey: string,
    key: string,
    entry: unknown,
  ): Promise<void> {
    await db.query(
      `INSERT INTO clearance_catalogue (kind, client_key, key, entry) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, client_key, key) DO UPDATE SET entry = EXCLUDED.entry`,
      [kind, clientKey, key, entry],
    );
  }

  /** HS entries for everyone and the client's own products. */
  async catalogue(db: Queryable, clientKey: string) {
    const { rows } = await db.query<{ kind: string; entry: unknown }>(
      `SELECT kind, entry FROM clearance_catalogue WHERE client_key IN ('', $1)`,
      [clientKey],
    );
    return rows;
  }
}
