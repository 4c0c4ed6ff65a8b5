import type { Migration } from '../../../core/storage/migration';

/** Receivables, payments and their allocations, FX rates, forwards and FX settlements. */
const settlement: Migration = {
  id: '0400-settlement',
  sql: /* sql */ `
-- client_key: '' for rows no client owns (a unique index cannot hold NULLs as equal).
CREATE TABLE settlement_receivables (
  id           uuid PRIMARY KEY,
  client_key   text NOT NULL,
  client_id    text,
  invoice_no   text NOT NULL,
  order_nos    text[] NOT NULL DEFAULT '{}',
  buyer_name   text,
  currency     text NOT NULL,
  amount       numeric NOT NULL,
  open_amount  numeric NOT NULL,
  due_date     date,
  status       text NOT NULL,
  envelope_id  uuid NOT NULL,
  issued_at    timestamptz,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX settlement_receivables_invoice ON settlement_receivables (client_key, invoice_no);
CREATE INDEX settlement_receivables_open ON settlement_receivables (client_key) WHERE status <> 'PAID';

-- One row per PaymentReceived envelope: its id makes a redelivery a no-op.
CREATE TABLE settlement_payments (
  id           uuid PRIMARY KEY,
  client_key   text NOT NULL,
  client_id    text,
  partner_id   text NOT NULL,
  payment_ref  text NOT NULL,
  value_date   date NOT NULL,
  currency     text NOT NULL,
  amount       numeric NOT NULL,
  payer_name   text,
  status       text NOT NULL,
  method       text,
  reason       text,
  unapplied    numeric,
  payment      jsonb NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX settlement_payments_status ON settlement_payments (client_key, status, received_at DESC);

CREATE TABLE settlement_allocations (
  payment_id     uuid NOT NULL REFERENCES settlement_payments(id),
  receivable_id  uuid NOT NULL REFERENCES settlement_receivables(id),
  amount         numeric NOT NULL,
  currency       text NOT NULL,
  charges        numeric,
  settled        boolean NOT NULL,
  allocated_by   text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (payment_id, receivable_id)
);

CREATE TABLE settlement_fx_rates (
  base       text NOT NULL,
  quote      text NOT NULL,
  rate_date  date NOT NULL,
  rate       numeric NOT NULL,
  source     text NOT NULL,
  PRIMARY KEY (base, quote, rate_date)
);

CREATE TABLE settlement_forwards (
  id              uuid PRIMARY KEY,
  client_key      text NOT NULL,
  client_id       text,
  deal_no         text NOT NULL,
  direction       text NOT NULL,
  currency        text NOT NULL,
  amount          numeric NOT NULL,
  quote_currency  text NOT NULL,
  rate            numeric NOT NULL,
  value_date      date NOT NULL,
  value_date_to   date,
  drawn           numeric NOT NULL DEFAULT 0,
  gain_loss       numeric NOT NULL DEFAULT 0,
  status          text NOT NULL,
  contract        jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX settlement_forwards_deal ON settlement_forwards (client_key, deal_no);

CREATE TABLE settlement_forward_deliveries (
  id            uuid PRIMARY KEY,
  forward_id    uuid NOT NULL REFERENCES settlement_forwards(id),
  payment_id    uuid REFERENCES settlement_payments(id),
  delivered     numeric NOT NULL,
  at_forward    numeric NOT NULL,
  spot_rate     numeric,
  at_spot       numeric,
  gain_loss     numeric,
  delivered_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX settlement_forward_deliveries_payment ON settlement_forward_deliveries (forward_id, payment_id);

CREATE TABLE settlement_fx_settlements (
  id               uuid PRIMARY KEY,
  client_key       text NOT NULL,
  client_id        text,
  payment_id       uuid REFERENCES settlement_payments(id),
  foreign_currency text NOT NULL,
  foreign_amount   numeric NOT NULL,
  bank_rate        numeric NOT NULL,
  reference_rate   numeric NOT NULL,
  cny_amount       numeric NOT NULL,
  spread_bps       numeric NOT NULL,
  spread_cost      numeric NOT NULL,
  settled_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX settlement_fx_settlements_client ON settlement_fx_settlements (client_key, settled_at DESC);
`,
};

/** Payment instructions sent to banks (pain.001), tracked per transaction by pain.002. */
const instructions: Migration = {
  id: '0401-settlement-instructions',
  sql: /* sql */ `
CREATE TABLE settlement_instructions (
  end_to_end_id   text NOT NULL,
  message_id      text NOT NULL,
  client_key      text NOT NULL,
  client_id       text,
  partner_id      text NOT NULL,
  outbound_id     uuid NOT NULL,
  currency        text NOT NULL,
  amount          numeric NOT NULL,
  creditor_name   text NOT NULL,
  status          text NOT NULL,
  status_code     text,
  reasons         jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_key, message_id, end_to_end_id)
);
CREATE INDEX settlement_instructions_e2e ON settlement_instructions (end_to_end_id);
`,
};

/**
 * The rate the platform gave its client beside the bank's: on a forward booked through the
 * platform and on a 结汇, so the FX margin is the difference of the two rates (fees domain).
 */
const clientRates: Migration = {
  id: '0402-settlement-client-rates',
  sql: /* sql */ `
ALTER TABLE settlement_forwards ADD COLUMN client_rate numeric;
ALTER TABLE settlement_fx_settlements ADD COLUMN client_rate numeric;
`,
};

export const settlementMigrations: Migration[] = [settlement, instructions, clientRates];
