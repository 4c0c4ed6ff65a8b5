import type { PoolClient } from 'pg';
import type { LegStatus, Observation, PlanStatus } from './rules/plan-status';
import type { DoorToDoorPlan } from './rules/plan.schema';
import type { Queryable } from '../../../core/storage/queryable';

export interface PlanRow {
  id: string;
  reference: string;
  clientId: string | null;
  plan: DoorToDoorPlan;
  status: PlanStatus;
  legStatuses: LegStatus[];
  createdAt: string;
  updatedAt: string;
}

export interface RefPair {
  kind: string;
  value: string;
}

const COLUMNS = `id, reference, client_id AS "clientId", plan, status, leg_statuses AS "legStatuses",
  to_json(created_at) #>> '{}' AS "createdAt", to_json(updated_at) #>> '{}' AS "updatedAt"`;

// Plans are created rarely and observed often: observers share this lock, creation takes it alone,
// so a milestone committed while a plan is created is either back-filled or observed, never lost.
const PLAN_LOCK = 7_331_200;

export class PlanRepository {
  async lockForObserving(tx: PoolClient): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock_shared($1)', [PLAN_LOCK]);
  }

  async lockForCreating(tx: PoolClient): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [PLAN_LOCK]);
  }

  async insert(tx: PoolClient, row: Omit<PlanRow, 'createdAt' | 'updatedAt'>, clientKey: string) {
    const { rowCount } = await tx.query(
      `INSERT INTO logistics_plans (id, reference, client_key, client_id, plan, status, leg_statuses)
       VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING`,
      [
        row.id,
        row.reference,
        clientKey,
        row.clientId,
        row.plan,
        row.status,
        JSON.stringify(row.legStatuses),
      ],
    );
    return rowCount === 1;
  }

  async insertRefs(tx: PoolClient, planId: string, legSeq: number, refs: RefPair[]) {
    for (const r of refs) {
      await tx.query(
        `INSERT INTO logistics_plan_refs (plan_id, leg_seq, ref_kind, ref_value) VALUES ($1,$2,$3,$4)
         ON CONFLICT DO NOTHING`,
        [planId, legSeq, r.kind, r.value],
      );
    }
  }

  /** Legs (plan, seq, plan document) following any of these references. */
  async legsFollowing(tx: PoolClient, refs: RefPair[]) {
    if (refs.length === 0) return [];
    const { rows } = await tx.query<{ planId: string; legSeq: number; plan: DoorToDoorPlan }>(
      `SELECT DISTINCT r.plan_id AS "planId", r.leg_seq AS "legSeq", p.plan
       FROM logistics_plan_refs r JOIN logistics_plans p ON p.id = r.plan_id
       WHERE (r.ref_kind, r.ref_value) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [refs.map((r) => r.kind), refs.map((r) => r.value)],
    );
    return rows;
  }

  async addObservation(tx: PoolClient, planId: string, legSeq: number, o: Observation) {
    const { rowCount } = await tx.query(
      `INSERT INTO logistics_plan_observations (plan_id, leg_seq, identity, code, location, classifier, at, reported_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING`,
      [planId, legSeq, o.identity, o.code, o.location ?? null, o.classifier, o.at, o.reportedAt],
    );
    return rowCount === 1;
  }

  /** Drops a retracted milestone; returns the plans it was on. */
  async removeObservation(tx: PoolClient, identity: string): Promise<string[]> {
    const { rows } = await tx.query<{ planId: string }>(
      `DELETE FROM logistics_plan_observations WHERE identity = $1 RETURNING plan_id AS "planId"`,
      [identity],
    );
    return [...new Set(rows.map((r) => r.planId))];
  }

  async observations(db: Queryable, planId: string) {
    const { rows } = await db.query<Observation & { legSeq: number }>(
      `SELECT leg_seq AS "legSeq", identity, code, location, classifier, at, reported_at AS "reportedAt"
       FROM logistics_plan_observations WHERE plan_id = $1`,
      [planId],
    );
    return rows.map((r) => (r.location === null ? { ...r, location: undefined } : r));
  }

  async setStatus(tx: PoolClient, planId: string, status: PlanStatus, legs: LegStatus[]) {
    await tx.query(
      `UPDATE logistics_plans SET status = $2, leg_statuses = $3, updated_at = now() WHERE id = $1`,
      [planId, status, JSON.stringify(legs)],
    );
  }

  async get(db: Queryable, id: string, lock = false): Promise<PlanRow | undefined> {
    const { rows } = await db.query<PlanRow>(
      `SELECT ${COLUMNS} FROM logistics_plans WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  async findByReference(db: Queryable, clientKey: string, reference: string) {
    const { rows } = await db.query<PlanRow>(
      `SELECT ${COLUMNS} FROM logistics_plans WHERE client_key = $1 AND reference = $2`,
      [clientKey, reference],
    );
    return rows[0];
  }

  /** Milestones already known for a reference: timeline entries and warehouse inbound statuses. */
  async knownObservations(tx: PoolClient, ref: RefPair): Promise<Observation[]> {
    const column = { blNo: 'bl_no', bookingNo: 'booking_no', containerNo: 'container_no' }[
      ref.kind
    ];
    const timeline = column
      ? await tx.query<Observation>(
          `SELECT identity, event_code AS code, location, classifier, event->>'eventDateTime' AS at,
             to_json(reported_at) #>> '{}' AS "reportedAt"
           FROM logistics_timeline_entries WHERE ${column} = $1 AND NOT retracted`,
          [ref.value],
        )
      : { rows: [] };
    const inbound = await tx.query<{ observation: Observation }>(
      `SELECT observation FROM logistics_inbound_statuses WHERE refs -> $1::text ? $2`,
      [ref.kind, ref.value],
    );
    return [
      ...timeline.rows.map((r) => (r.location === null ? { ...r, location: undefined } : r)),
      ...inbound.rows.map((r) => r.observation),
    ];
  }

  /** Remembers a warehouse inbound status so plans created later see it. */
  async recordInboundStatus(tx: PoolClient, refs: Record<string, string[]>, o: Observation) {
    await tx.query(
      `INSERT INTO logistics_inbound_statuses (identity, refs, observation) VALUES ($1,$2,$3)
       ON CONFLICT DO NOTHING`,
      [o.identity, refs, o],
    );
  }
}
