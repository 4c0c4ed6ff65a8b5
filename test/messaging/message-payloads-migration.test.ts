import { randomUUID } from 'node:crypto';
import { runMigrations } from '../../core/storage/migration';
import { MessageRepository } from '../../core/storage/message.repository';
import { coreMigrations } from '../../core/storage/migrations';
import { ensurePayloadPartitions } from '../../core/storage/raw-retention';
import { useStoreBefore } from '../support/store-before';

// The store as it was before raw payloads moved out of `messages`.
const store = useStoreBefore('0053');

/** A message stored the old way, raw bytes in `messages`, received `daysAgo` days ago. */
async function oldStyle(raw: string, daysAgo: number, purged = false): Promise<string> {
  const id = randomUUID();
  await store().query(
    `INSERT INTO messages (id, direction, partner_id, transport, content_hash, size_bytes, raw, state,
       received_at, raw_purged_at)
     VALUES ($1, 'in', 'shop-p', 'http', $2, 2, convert_to($3, 'UTF8'), 'processed',
       now() - make_interval(days => $4), CASE WHEN $5 THEN now() END)`,
    [id, `hash-${id}`, raw, daysAgo, purged],
  );
  return id;
}

it('moves existing raw payloads into monthly partitions, once', async () => {
  const old = await oldStyle('UNB+old', 420);
  const recent = await oldStyle('UNB+new', 0);
  const purged = await oldStyle('', 400, true);

  // 0053 and every migration after it, in order.
  expect(await runMigrations(store(), coreMigrations)).toEqual(
    coreMigrations.map((m) => m.id).filter((id) => id >= '0053'),
  );

  const repo = new MessageRepository();
  expect((await repo.raw(store(), old))?.toString()).toBe('UNB+old');
  expect((await repo.raw(store(), recent))?.toString()).toBe('UNB+new');
  expect(await repo.raw(store(), purged)).toBeUndefined();
  const { rows } = await store().query<{ part: string; n: number }>(
    `SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM message_payloads
      GROUP BY 1 ORDER BY 1`,
  );
  // Each in its own month's partition, none in the default one.
  expect(rows.map((r) => r.n)).toEqual([1, 1]);
  expect(rows.every((r) => /^message_payloads_\d{4}_\d{2}$/.test(r.part))).toBe(true);
  const column = await store().query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = 'messages' AND column_name = 'raw'`,
  );
  expect(column.rowCount).toBe(0);

  // Booting again changes nothing: the migration is recorded, the months ahead exist.
  expect(await runMigrations(store(), coreMigrations)).toEqual([]);
  expect(await ensurePayloadPartitions(store())).toBe(0);
});

it('moves rows the default partition caught into the month created for them', async () => {
  const id = randomUUID();
  await store().query(
    `INSERT INTO message_payloads (message_id, month, raw) VALUES ($1, '2001-02-01', 'x')`,
    [id],
  );
  await store().query(`SELECT ensure_payload_partition('2001-02-01')`);
  const { rows } = await store().query<{ part: string }>(
    `SELECT tableoid::regclass::text AS part FROM message_payloads WHERE message_id = $1`,
    [id],
  );
  expect(rows).toEqual([{ part: 'message_payloads_2001_02' }]);
});
