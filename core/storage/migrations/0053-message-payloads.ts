import type { Migration } from '../migration';

/**
 * Raw payloads move out of `messages` into `message_payloads`, partitioned by the month the
 * message was received (ADR 0019): retention then drops a whole month's partition instead of
 * rewriting its rows. `messages` keeps the record (hash, size, state, dedup keys, foreign keys)
 * and stays one table. Existing bytes are copied over in this migration; purged ones (0052)
 * have none to copy.
 *
 * - `payload_month` is the partition key's one definition (UTC month of `received_at`).
 * - `message_payloads_held` takes the payloads a month's disposal must keep (failed or in
 *   flight messages); the row job purges them once they settle.
 * - The default partition catches a month nobody created ahead; `ensure_payload_partition`
 *   moves such rows into the month's own partition when it creates it.
 * - `raw_payload_disposals` records each dropped month: when, under which retention, how many.
 */
export const messagePayloadsMigration: Migration = {
  id: '0053-message-payloads',
  sql: /* sql */ `
CREATE FUNCTION payload_month(at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT date_trunc('month', at AT TIME ZONE 'UTC')::date $$;

CREATE TABLE message_payloads (
  message_id  uuid NOT NULL,
  month       date NOT NULL,
  raw         bytea NOT NULL,
  PRIMARY KEY (message_id, month)
) PARTITION BY RANGE (month);
CREATE TABLE message_payloads_held PARTITION OF message_payloads
  FOR VALUES FROM ('9999-01-01') TO (MAXVALUE);
CREATE TABLE message_payloads_default PARTITION OF message_payloads DEFAULT;

CREATE TABLE raw_payload_disposals (
  month           date PRIMARY KEY,
  disposed_at     timestamptz NOT NULL DEFAULT now(),
  retention_days  int NOT NULL,
  dropped         bigint NOT NULL,
  held            bigint NOT NULL
);

-- Creates the partition of month m (first day) if missing; rows the default partition caught
-- for that month move into it. Idempotent, serialised by an advisory lock.
CREATE FUNCTION ensure_payload_partition(m date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  part text := format('message_payloads_%s', to_char(m, 'YYYY_MM'));
BEGIN
  PERFORM pg_advisory_xact_lock(7331053);
  IF to_regclass(part) IS NOT NULL THEN RETURN false; END IF;
  EXECUTE format('CREATE TABLE %I (LIKE message_payloads INCLUDING ALL)', part);
  EXECUTE format('ALTER TABLE %I ADD CHECK (month >= %L AND month < %L)', part, m, (m + interval '1 month')::date);
  EXECUTE format('WITH moved AS (DELETE FROM message_payloads_default WHERE month >= %L AND month < %L RETURNING *)
                  INSERT INTO %I SELECT * FROM moved', m, (m + interval '1 month')::date, part);
  EXECUTE format('ALTER TABLE message_payloads ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                 part, m, (m + interval '1 month')::date);
  RETURN true;
END $$;

-- This month and the next ones (the housekeeping keeps creating them ahead), and every month
-- that holds messages already.
SELECT ensure_payload_partition(m) FROM (
  SELECT DISTINCT payload_month(received_at) AS m FROM messages
  UNION SELECT (payload_month(now()) + make_interval(months => k))::date FROM generate_series(0, 3) k
) months ORDER BY m;

INSERT INTO message_payloads (message_id, month, raw)
SELECT id, payload_month(received_at), raw FROM messages WHERE raw_purged_at IS NULL;
ALTER TABLE messages DROP COLUMN raw;
`,
};
