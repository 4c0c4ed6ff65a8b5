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

/**
 * Freight margins: what the platform sold a shipment's freight for (per client, by the
 * carrier-scoped shipment key) and the carriers' bills for it (bought freight).
 */
const freight: Migration = {
  id: '0751-fees-freight-margin',
  sql: /* sql */ `
-- One event may meter several lines of a service (a freight bill for two shipments): the
-- envelope id still makes a redelivery a no-op, line by line.
ALTER TABLE fees_metered DROP CONSTRAINT fees_metered_pkey;
ALTER TABLE fees_metered ADD PRIMARY KEY (envelope_id, service, ref);

CREATE TABLE fees_freight_sales (
  client_id     text NOT NULL,
  -- BL:<carrier>:<no> or BKG:<carrier>:<no>
  shipment_key  text NOT NULL,
  carrier       text NOT NULL,
  bl_no         text,
  booking_no    text,
  amount        numeric NOT NULL,
  currency      text NOT NULL,
  sold_at       text NOT NULL,
  -- The first margin line metered; a metered sale's price no longer changes.
  metered_ref   text,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, shipment_key)
);
CREATE INDEX fees_freight_sales_key ON fees_freight_sales (shipment_key);

-- A carrier's bill once (carrier, invoice number), whichever envelope brought it.
CREATE TABLE fees_freight_bought (
  carrier        text NOT NULL,
  invoice_no     text NOT NULL,
  client_id      text,
  shipment_keys  text[] NOT NULL,
  amount         numeric NOT NULL,
  currency       text NOT NULL,
  issue_date     date NOT NULL,
  occurred_at    text NOT NULL,
  envelope_id    uuid NOT NULL,
  -- The margin line that counted the bill; null until a sale (and a rate) is known.
  metered_ref    text,
  -- Why it is not counted yet (no rate between the currencies).
  pending        text,
  received_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (carrier, invoice_no)
);
CREATE INDEX fees_freight_bought_keys ON fees_freight_bought USING gin (shipment_keys);
`,
};

export const feesMigrations: readonly Migration[] = [fees, freight];
