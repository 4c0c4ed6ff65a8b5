import type { Migration } from '../migration';

/** Every operator action that changes something: who (API key and its name), what, when. */
export const auditLogMigration: Migration = {
  id: '0051-audit-log',
  sql: /* sql */ `
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  key_id      text NOT NULL,
  actor       text NOT NULL,
  role        text NOT NULL,
  action      text NOT NULL,
  target      text NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target, at DESC);
`,
};
