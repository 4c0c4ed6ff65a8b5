import type { Migration } from '../migration';

/**
 * Durable state of inbound pollers, per partner transport: which remote files were taken
 * (path + size + mtime + content hash), what was seen at the last look, back-off after
 * failures. It survives restarts and is shared by every gateway process (ADR 0004).
 */
export const pollStateMigration: Migration = {
  id: '0003-poll-state',
  sql: /* sql */ `
CREATE TABLE poll_state (
  partner_id  text NOT NULL,
  transport   text NOT NULL,
  key         text NOT NULL,
  value       text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partner_id, transport, key)
);
CREATE INDEX poll_state_age ON poll_state (partner_id, transport, updated_at);
`,
};
