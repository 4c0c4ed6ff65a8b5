import type { Migration } from '../../../core/storage/migration';

/** Bookings the platform requested or learnt of from carriers, with every fact applied or not. */
const bookings: Migration = {
  id: '0200-logistics-bookings',
  sql: /* sql */ `
CREATE TABLE logistics_bookings (
  id                  uuid PRIMARY KEY,
  carrier_partner_id  text NOT NULL,
  booking_request_ref text,
  booking_no          text,
  client_id           text,
  state               text NOT NULL,
  state_at            timestamptz NOT NULL,
  -- 'api': requested through TradeHub; 'carrier': first seen in a carrier's message.
  origin              text NOT NULL,
  booking             jsonb,
  confirmation        jsonb,
  bl_nos              text[] NOT NULL DEFAULT '{}',
  correlation_id      text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
-- Booking numbers are carrier-scoped.
CREATE UNIQUE INDEX logistics_bookings_request_ref ON logistics_bookings (carrier_partner_id, booking_request_ref);
CREATE UNIQUE INDEX logistics_bookings_booking_no ON logistics_bookings (carrier_partner_id, booking_no);
CREATE INDEX logistics_bookings_refs ON logistics_bookings (booking_no, booking_request_ref);
CREATE INDEX logistics_bookings_bl ON logistics_bookings USING gin (bl_nos);

CREATE TABLE logistics_booking_history (
  booking_id    uuid NOT NULL REFERENCES logistics_bookings (id),
  seq           bigserial,
  -- The business fact (document, signal, time): the same fact under two envelope ids is one row.
  fact_key      text NOT NULL,
  signal        text,
  outcome       text NOT NULL,
  from_state    text,
  to_state      text,
  reason        text,
  document_type text NOT NULL,
  partner_id    text,
  envelope_id   uuid,
  message_id    uuid,
  occurred_at   timestamptz NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (booking_id, seq),
  UNIQUE (booking_id, fact_key)
);
`,
};

/** Shipment timelines: one entry per milestone identity, its sources, retractions and ETAs. */
const timeline: Migration = {
  id: '0201-logistics-timeline',
  sql: /* sql */ `
CREATE TABLE logistics_timeline_entries (
  identity     text PRIMARY KEY,
  slot         text NOT NULL,
  event_kind   text NOT NULL,
  event_code   text NOT NULL,
  classifier   text NOT NULL,
  event_at     timestamptz NOT NULL,
  reported_at  timestamptz NOT NULL,
  bl_no        text,
  booking_no   text,
  container_no text,
  location     text,
  event        jsonb NOT NULL,
  is_current   boolean NOT NULL DEFAULT false,
  retracted    boolean NOT NULL DEFAULT false,
  client_id    text,
  first_seen   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX logistics_timeline_slot ON logistics_timeline_entries (slot);
CREATE INDEX logistics_timeline_bl ON logistics_timeline_entries (bl_no);
CREATE INDEX logistics_timeline_container ON logistics_timeline_entries (container_no);
CREATE INDEX logistics_timeline_booking ON logistics_timeline_entries (booking_no);

CREATE TABLE logistics_timeline_sources (
  identity        text NOT NULL REFERENCES logistics_timeline_entries (identity),
  source_key      text NOT NULL,
  partner_id      text NOT NULL,
  source_event_id text,
  format          text NOT NULL,
  message_type    text,
  message_id      uuid,
  envelope_id     uuid NOT NULL,
  status_code     text NOT NULL,
  received_at     timestamptz NOT NULL,
  -- The source withdrew this report (DCSA retraction); an entry with no live source is retracted.
  retracted       boolean NOT NULL DEFAULT false,
  PRIMARY KEY (identity, source_key)
);
CREATE INDEX logistics_timeline_sources_event ON logistics_timeline_sources (partner_id, source_event_id);

-- A retraction may arrive before the event it retracts.
CREATE TABLE logistics_retractions (
  partner_id      text NOT NULL,
  source_event_id text NOT NULL,
  envelope_id     uuid NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partner_id, source_event_id)
);

-- Containers and bookings learnt to belong to a B/L.
CREATE TABLE logistics_shipment_links (
  bl_no    text NOT NULL,
  ref_kind text NOT NULL,
  value    text NOT NULL,
  PRIMARY KEY (bl_no, ref_kind, value)
);
CREATE INDEX logistics_shipment_links_value ON logistics_shipment_links (value);

CREATE TABLE logistics_shipments (
  bl_no             text PRIMARY KEY,
  client_id         text,
  port_of_discharge text,
  eta               jsonb,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
`,
};

/** Door-to-door plans, the references their legs follow and the milestones seen on them. */
const plans: Migration = {
  id: '0202-logistics-plans',
  sql: /* sql */ `
CREATE TABLE logistics_plans (
  id           uuid PRIMARY KEY,
  reference    text NOT NULL,
  client_key   text NOT NULL,
  client_id    text,
  plan         jsonb NOT NULL,
  status       text NOT NULL,
  leg_statuses jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (client_key, reference)
);
CREATE TABLE logistics_plan_refs (
  plan_id   uuid NOT NULL REFERENCES logistics_plans (id),
  leg_seq   int NOT NULL,
  ref_kind  text NOT NULL,
  ref_value text NOT NULL,
  PRIMARY KEY (plan_id, leg_seq, ref_kind, ref_value)
);
CREATE INDEX logistics_plan_refs_value ON logistics_plan_refs (ref_kind, ref_value);
CREATE TABLE logistics_plan_observations (
  plan_id     uuid NOT NULL REFERENCES logistics_plans (id),
  leg_seq     int NOT NULL,
  identity    text NOT NULL,
  code        text NOT NULL,
  location    text,
  classifier  text NOT NULL,
  at          text NOT NULL,
  reported_at text NOT NULL,
  PRIMARY KEY (plan_id, leg_seq, identity)
);
CREATE INDEX logistics_plan_observations_identity ON logistics_plan_observations (identity);
-- Warehouse inbound statuses, so a plan created later still sees them.
CREATE TABLE logistics_inbound_statuses (
  identity    text PRIMARY KEY,
  refs        jsonb NOT NULL,
  observation jsonb NOT NULL
);
`,
};

/** Warehouse stock: snapshot + movements per SKU, receipts seen, thresholds. */
const stock: Migration = {
  id: '0203-logistics-stock',
  sql: /* sql */ `
CREATE TABLE logistics_stock (
  client_key     text NOT NULL,
  provider       text NOT NULL,
  warehouse_code text NOT NULL,
  sku            text NOT NULL,
  client_id      text,
  -- The warehouse partner whose messages keep this row (source of its alerts).
  partner_id     text NOT NULL,
  snapshot       jsonb,
  snapshot_at    timestamptz,
  available      int NOT NULL DEFAULT 0,
  reserved       int NOT NULL DEFAULT 0,
  inbound        int NOT NULL DEFAULT 0,
  unfulfillable  int NOT NULL DEFAULT 0,
  low            boolean NOT NULL DEFAULT false,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_key, provider, warehouse_code, sku)
);
CREATE TABLE logistics_stock_movements (
  client_key     text NOT NULL,
  provider       text NOT NULL,
  warehouse_code text NOT NULL,
  key            text NOT NULL,
  sku            text NOT NULL,
  occurred_at    timestamptz NOT NULL,
  available      int NOT NULL,
  unfulfillable  int NOT NULL,
  envelope_id    uuid NOT NULL,
  PRIMARY KEY (client_key, provider, warehouse_code, key)
);
CREATE INDEX logistics_stock_movements_sku ON logistics_stock_movements (client_key, provider, warehouse_code, sku);
CREATE TABLE logistics_inbound_receipts (
  client_key text NOT NULL,
  provider   text NOT NULL,
  asn_no     text NOT NULL,
  sku        text NOT NULL,
  received   int NOT NULL,
  damaged    int NOT NULL,
  PRIMARY KEY (client_key, provider, asn_no, sku)
);
-- warehouse_key '*' applies to every warehouse without a threshold of its own.
CREATE TABLE logistics_stock_thresholds (
  client_key    text NOT NULL,
  sku           text NOT NULL,
  warehouse_key text NOT NULL,
  threshold     int NOT NULL CHECK (threshold >= 0),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_key, sku, warehouse_key)
);
`,
};

/**
 * ADR 0012: an entry is attached to every shipment it names. `refs` holds its scoped reference
 * set (BL:<carrier>:<no>, BKG:<carrier>:<no>, EQ:<container>), `milestone` its what/where/
 * equipment key; reports are matched on both, within the tolerance window. Entries recorded
 * before have no milestone and are matched by identity only.
 */
const timelineRefs: Migration = {
  id: '0250-logistics-timeline-refs',
  sql: /* sql */ `
ALTER TABLE logistics_timeline_entries
  ADD COLUMN refs text[] NOT NULL DEFAULT '{}',
  ADD COLUMN milestone text;
CREATE INDEX logistics_timeline_milestone ON logistics_timeline_entries (milestone, event_at);
CREATE INDEX logistics_timeline_refs ON logistics_timeline_entries USING gin (refs);
`,
};

/**
 * ADR 0018: a booking request reference is the client's own, unique per (carrier, client); the
 * carrier sees a reference TradeHub issues (`carrier_ref`, unique per carrier), so two clients'
 * equal references never meet at the carrier. Existing rows keep what their carrier saw.
 */
const clientRequestRefs: Migration = {
  id: '0251-logistics-client-request-refs',
  sql: /* sql */ `
ALTER TABLE logistics_bookings ADD COLUMN carrier_ref text;
UPDATE logistics_bookings SET carrier_ref = booking_request_ref;
DROP INDEX logistics_bookings_request_ref;
CREATE UNIQUE INDEX logistics_bookings_client_request_ref
  ON logistics_bookings (carrier_partner_id, COALESCE(client_id, ''), booking_request_ref);
CREATE UNIQUE INDEX logistics_bookings_carrier_ref ON logistics_bookings (carrier_partner_id, carrier_ref);
CREATE INDEX logistics_bookings_carrier_refs ON logistics_bookings (carrier_ref);
CREATE SEQUENCE logistics_carrier_ref_seq;
`,
};

export const logisticsMigrations: Migration[] = [
  bookings,
  timeline,
  plans,
  stock,
  timelineRefs,
  clientRequestRefs,
];
