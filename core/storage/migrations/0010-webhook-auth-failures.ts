import type { Migration } from '../migration';

/**
 * Refused webhook pushes (missing or wrong signature, replay, untrusted proxy): who, why, from
 * where, when. The body is never kept: it is not a message of the partner's.
 */
export const webhookAuthFailuresMigration: Migration = {
  id: '0010-webhook-auth-failures',
  sql: /* sql */ `
CREATE TABLE webhook_auth_failures (
  id             bigserial PRIMARY KEY,
  partner_id     text NOT NULL,
  reason         text NOT NULL,
  detail         text,
  remote_address text,
  user_agent     text,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_auth_failures_partner_idx ON webhook_auth_failures (partner_id, at DESC);
`,
};
