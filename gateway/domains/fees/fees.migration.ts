import type { Migration } from '../../../core/storage/migration';

/** Fee schedules per client and service, and every fee metered from an event. */
const fees: Migration = {
  id: '0750-fees',
  sql: /* sql */ `
CREATE TABLE fees_schedules (
  client_id   text NOT NULL,
  service     text NOT NULL,
  rule        jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, service)
);

-- The envelope id makes a redelivery a no-op; (client, service, ref) a replay under a new id.
CREATE TABLE fees_metered (
  envelope_id  uuid NOT NULL,
  client_id    text NOT NULL,
  service      text NOT NULL,
  ref          text NOT NULL,
  -- As the event states it (ISO 8601 with zone); month is its YYYY-MM, the statement's key.
  occurred_at  text NOT NULL,
  month        text NOT NULL,
  amount       numeric NOT NULL,
  currency     text NOT NULL,
  basis        text NOT NULL,
  metered_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (envelope_id, service),
  UNIQUE (client_id, service, ref)
);
CREATE INDEX fees_metered_statement ON fees_metered (client_id, month);
`,
};

export const feesMigrations: readonly Migration[] = [fees];
