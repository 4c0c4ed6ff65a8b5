import type { PollStateStore } from '../../core/connector/contract';
import type { Queryable } from '../../core/storage/queryable';

/** A poller's durable state in PostgreSQL (table poll_state), scoped to one partner transport. */
export class PgPollStateStore implements PollStateStore {
  constructor(
    private readonly db: Queryable,
    private readonly partnerId: string,
    private readonly transport: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const result = await this.db.query<{ value: string }>(
      'SELECT value FROM poll_state WHERE partner_id = $1 AND transport = $2 AND key = $3',
      [this.partnerId, this.transport, key],
    );
    return result.rows[0]?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db.query(
      `INSERT INTO poll_state (partner_id, transport, key, value) VALUES ($1, $2, $3, $4)
       ON CONFLICT (partner_id, transport, key) DO UPDATE SET value = $4, updated_at = now()`,
      [this.partnerId, this.transport, key, value],
    );
  }

  /**
   * Forgets entries untouched for `days`: taken files are long archived by then, and a file
   * that came back with the same bytes is still caught by the intake's duplicate check.
   */
  async prune(days: number): Promise<number> {
    const result = await this.db.query(
      `DELETE FROM poll_state WHERE partner_id = $1 AND transport = $2
         AND updated_at < now() - make_interval(days => $3)`,
      [this.partnerId, this.transport, days],
    );
    return result.rowCount ?? 0;
  }
}
