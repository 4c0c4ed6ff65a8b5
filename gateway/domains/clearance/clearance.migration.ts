import type { Migration } from '../../../core/storage/migration';

/** The clearance service's own tables (ids 0300-0399). */
export const clearanceMigrations: Migration[] = [
  {
    id: '0300-clearance',
    sql: /* sql */ `
-- The documents a declaration is built from, per client and order, latest version wins.
CREATE TABLE clearance_sources (
  client_key     text NOT NULL,
  order_no       text NOT NULL,
  document_type  text NOT NULL,
  client_id      text,
  payload        jsonb NOT NULL,
  envelope_id    uuid NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_key, order_no, document_type)
);
CREATE TABLE clearance_declarations (
  id               uuid PRIMARY KEY,
  client_key       text NOT NULL,
  client_id        text,
  order_no         text NOT NULL,
  client_ref       text NOT NULL UNIQUE,
  supervision_mode text NOT NULL,
  port             text NOT NULL,
  state            text NOT NULL,
  declaration      jsonb NOT NULL,
  problems         jsonb NOT NULL DEFAULT '[]',
  hold             text,
  submission_guid  text,
  record_guid      text,
  state_at         timestamptz,
  reason           text,
  submitted_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (client_key, order_no)
);
CREATE INDEX clearance_declarations_query_idx ON clearance_declarations (client_key, state, port, created_at DESC);
CREATE INDEX clearance_declarations_guid_idx ON clearance_declarations (submission_guid);
CREATE INDEX clearance_declarations_record_guid_idx ON clearance_declarations (record_guid);
CREATE TABLE clearance_history (
  id              bigserial PRIMARY KEY,
  declaration_id  uuid NOT NULL REFERENCES clearance_declarations (id),
  from_state      text,
  to_state        text NOT NULL,
  at              timestamptz NOT NULL,
  note            text
);
CREATE TABLE clearance_receipts (
  id              bigserial PRIMARY KEY,
  declaration_id  uuid REFERENCES clearance_declarations (id),
  guid            text,
  receipt         jsonb NOT NULL,
  applied         boolean NOT NULL,
  why             text,
  received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clearance_receipts_declaration_idx ON clearance_receipts (declaration_id, id);
CREATE TABLE clearance_alerts (
  id              uuid PRIMARY KEY,
  client_key      text NOT NULL,
  client_id       text,
  declaration_id  uuid REFERENCES clearance_declarations (id),
  kind            text NOT NULL,
  dedup_key       text NOT NULL UNIQUE,
  detail          jsonb NOT NULL,
  raised_at       timestamptz NOT NULL DEFAULT now(),
  cleared_by      text,
  cleared_at      timestamptz
);
CREATE INDEX clearance_alerts_open_idx ON clearance_alerts (client_key, cleared_at, raised_at DESC);
-- Per client: its party (USCC, customs code) and qualification (registrations, agency).
CREATE TABLE clearance_clients (
  client_key   text PRIMARY KEY,
  profile      jsonb NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
-- HS entries (key = hs code, client '' = everyone) and client products (key = SKU).
CREATE TABLE clearance_catalogue (
  kind        text NOT NULL,
  client_key  text NOT NULL,
  key         text NOT NULL,
  entry       jsonb NOT NULL,
  PRIMARY KEY (kind, client_key, key)
);
`,
  },
  {
    id: '0301-clearance-reversals-summaries',
    sql: /* sql */ `
-- The list number customs gave (CEB604 invtNo): CEB605 withdraws it, CEB701 sums it.
ALTER TABLE clearance_declarations ADD COLUMN inventory_no text,
  ADD COLUMN cancellation_guid text, ADD COLUMN cancellation_record_guid text,
  ADD COLUMN summary_id uuid;
CREATE INDEX clearance_declarations_cancellation_idx ON clearance_declarations (cancellation_guid);
CREATE INDEX clearance_declarations_cancellation_record_idx ON clearance_declarations (cancellation_record_guid);
-- CEB701 summary declarations: one per client and period; each list is summed once.
CREATE TABLE clearance_summaries (
  id               uuid PRIMARY KEY,
  client_key       text NOT NULL,
  client_id        text,
  period_start     timestamptz NOT NULL,
  period_end       timestamptz NOT NULL,
  cop_no           text NOT NULL UNIQUE,
  inventory_nos    jsonb NOT NULL,
  submission_guid  text,
  record_guid      text,
  state            text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (client_key, period_start, period_end)
);
`,
  },
  {
    id: '0302-clearance-submissions',
    sql: /* sql */ `
-- Every customs message TradeHub filed, stored first as an outbound message (message_id), and
-- followed by its receipts until a final one: the receipts name the message guid (DxpRep) or
-- the guid of a record inside (CEB receipts).
CREATE TABLE clearance_submissions (
  guid           text PRIMARY KEY,
  record_guids   text[] NOT NULL DEFAULT '{}',
  message_id     uuid NOT NULL,
  message_type   text NOT NULL,
  partner_id     text NOT NULL,
  client_id      text,
  file_name      text NOT NULL,
  last_status    text,
  last_outcome   text,
  final          boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clearance_submissions_records_idx ON clearance_submissions USING gin (record_guids);
CREATE INDEX clearance_submissions_open_idx ON clearance_submissions (created_at) WHERE NOT final;
`,
  },
];
