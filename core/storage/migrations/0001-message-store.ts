import type { Migration } from '../migration';

/** Message store, trade references, outbox, idempotency and dead letters. */
export const messageStoreMigration: Migration = {
  id: '0001-message-store',
  sql: /* sql */ `
CREATE TABLE clients (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  uscc        text,
  customs_code text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Identifiers that attribute a message to a client: shop ids, seller ids, USCC, order prefixes.
CREATE TABLE client_identifiers (
  scheme     text NOT NULL,
  value      text NOT NULL,
  client_id  text NOT NULL REFERENCES clients(id),
  PRIMARY KEY (scheme, value)
);

CREATE TABLE partners (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  kind          text NOT NULL,
  connector     text NOT NULL,
  enabled       boolean NOT NULL DEFAULT true,
  client_id     text REFERENCES clients(id),
  -- Secret fields inside are stored encrypted (see PartnerSecrets).
  record        jsonb NOT NULL,
  source_file   text,
  source_hash   text,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partner_identifiers (
  scheme      text NOT NULL,
  value       text NOT NULL,
  partner_id  text NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  PRIMARY KEY (scheme, value)
);

CREATE TABLE api_keys (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  key_hash    text NOT NULL UNIQUE,
  role        text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  client_id   text REFERENCES clients(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

CREATE TABLE messages (
  id             uuid PRIMARY KEY,
  direction      text NOT NULL CHECK (direction IN ('in', 'out')),
  partner_id     text NOT NULL,
  client_id      text,
  transport      text NOT NULL,
  format         text,
  standard       text,
  version        text,
  message_type   text,
  partner_ref    text,
  content_hash   text NOT NULL,
  content_type   text,
  size_bytes     integer NOT NULL,
  raw            bytea NOT NULL,
  state          text NOT NULL,
  duplicate_of   uuid REFERENCES messages(id),
  transport_meta jsonb NOT NULL DEFAULT '{}',
  last_error     jsonb,
  attempts       integer NOT NULL DEFAULT 0,
  correlation_id text,
  received_at    timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
-- One original per partner and content; later copies point at it through duplicate_of.
CREATE UNIQUE INDEX messages_in_hash_uq ON messages (partner_id, content_hash)
  WHERE direction = 'in' AND duplicate_of IS NULL;
CREATE UNIQUE INDEX messages_in_ref_uq ON messages (partner_id, partner_ref)
  WHERE direction = 'in' AND duplicate_of IS NULL AND partner_ref IS NOT NULL;
CREATE INDEX messages_search_idx ON messages (received_at DESC);
CREATE INDEX messages_partner_idx ON messages (partner_id, received_at DESC);
CREATE INDEX messages_client_idx ON messages (client_id, received_at DESC);
CREATE INDEX messages_state_idx ON messages (state, received_at DESC);

CREATE TABLE message_states (
  id          bigserial PRIMARY KEY,
  message_id  uuid NOT NULL REFERENCES messages(id),
  state       text NOT NULL,
  stage       text,
  reason      text,
  location    jsonb,
  detail      jsonb,
  at          timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX message_states_message_idx ON message_states (message_id, id);

CREATE TABLE documents (
  id             uuid PRIMARY KEY,
  message_id     uuid REFERENCES messages(id),
  client_id      text,
  document_type  text NOT NULL,
  version        text NOT NULL,
  event_type     text NOT NULL,
  occurred_at    timestamptz NOT NULL,
  envelope       jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_message_idx ON documents (message_id);
CREATE INDEX documents_type_idx ON documents (document_type, occurred_at DESC);

-- Every trade reference a message or document names, for search and trade timelines.
CREATE TABLE trade_refs (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL,
  value        text NOT NULL,
  message_id   uuid REFERENCES messages(id),
  document_id  uuid REFERENCES documents(id),
  client_id    text,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trade_refs_value_idx ON trade_refs (value, kind);
CREATE INDEX trade_refs_message_idx ON trade_refs (message_id);

CREATE TABLE outbox (
  id            bigserial PRIMARY KEY,
  envelope_id   uuid NOT NULL,
  exchange      text NOT NULL,
  routing_key   text NOT NULL,
  body          jsonb NOT NULL,
  headers       jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  published_at  timestamptz,
  attempts      integer NOT NULL DEFAULT 0,
  last_error    text
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE published_at IS NULL;

-- Idempotent consumers: one row per (consumer, envelope), written with the handler's effects.
CREATE TABLE processed_envelopes (
  consumer      text NOT NULL,
  envelope_id   uuid NOT NULL,
  processed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, envelope_id)
);

-- Poison messages taken off the dead-letter queue, with their reason, for operators.
CREATE TABLE dead_letters (
  id            uuid PRIMARY KEY,
  consumer      text NOT NULL,
  queue         text NOT NULL,
  envelope_id   uuid,
  routing_key   text NOT NULL,
  body          jsonb NOT NULL,
  headers       jsonb NOT NULL DEFAULT '{}',
  reason        text NOT NULL,
  error_kind    text,
  client_id     text,
  dead_at       timestamptz NOT NULL DEFAULT now(),
  requeued_at   timestamptz
);
CREATE INDEX dead_letters_open_idx ON dead_letters (dead_at DESC) WHERE requeued_at IS NULL;
`,
};
