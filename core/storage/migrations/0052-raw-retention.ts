import type { Migration } from '../migration';

/**
 * Raw payload retention (ADR 0019): after the configured days a settled message's raw bytes
 * are dropped and `raw_purged_at` says when; the record, its content hash, size, references,
 * documents and state history stay. The partial index holds only messages that still carry
 * their bytes, so the hourly job finds the next old ones without walking purged rows again.
 */
export const rawRetentionMigration: Migration = {
  id: '0052-raw-retention',
  sql: /* sql */ `
ALTER TABLE messages ADD COLUMN raw_purged_at timestamptz;
CREATE INDEX messages_raw_kept_idx ON messages (received_at) WHERE raw_purged_at IS NULL;
`,
};
