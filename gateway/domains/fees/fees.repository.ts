import { Injectable } from '@nestjs/common';
import type { Queryable } from '../../../core/storage/queryable';
import type { FeeRule, MeteredFee } from './rules/metering';

@Injectable()
export class FeesRepository {
  async schedule(db: Queryable, clientId: string): Promise<FeeRule[]> {
    const { rows } = await db.query<{ rule: FeeRule }>(
      'SELECT rule FROM fees_schedules WHERE client_id = $1 ORDER BY service',
      [clientId],
    );
    return rows.map((r) => r.rule);
  }

  /** Replaces the client's schedule with `rules`. */
  async putSchedule(db: Queryable, clientId: string, rules: readonly FeeRule[]): Promise<void> {
    await db.query('DELETE FROM fees_schedules WHERE client_id = $1', [clientId]);
    await db.query(
      `INSERT INTO fees_schedules (client_id, service, rule)
       SELECT $1, r->>'service', r FROM jsonb_array_elements($2::jsonb) AS r`,
      [clientId, JSON.stringify(rules)],
    );
  }

  /** False when the event (or the same service and reference) was metered already. */
  async meter(
    db: Queryable,
    envelopeId: string,
    clientId: string,
    f: MeteredFee,
  ): Promise<boolean> {
    const { rowCount } = await db.query(
      `INSERT INTO fees_metered (envelope_id, client_id, service, ref, occurred_at, month, amount, currency, basis)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT DO NOTHING`,
      [
        envelopeId,
        clientId,
        f.service,
        f.ref,
        f.occurredAt,
        f.occurredAt.slice(0, 7),
        f.fee.amount,
        f.fee.currency,
        f.basis,
      ],
    );
    return rowCount === 1;
  }

  async metered(db: Queryable, clientId: string, month: string): Promise<MeteredFee[]> {
    const { rows } = await db.query<MeteredFee>(
      `SELECT service, ref, occurred_at AS "occurredAt", basis,
          json_build_object('amount', amount::text, 'currency', currency) AS fee
         FROM fees_metered WHERE client_id = $1 AND month = $2 ORDER BY occurred_at, service, ref`,
      [clientId, month],
    );
    return rows;
  }
}
