import type { Migration } from '../../../core/storage/migration';

/** The commerce handler's own state: one row per sales order, latest version wins. */
export const commerceMigration: Migration = {
  id: '0100-commerce-orders',
  sql: /* sql */ `
CREATE TABLE commerce_orders (
  order_no        text NOT NULL,
  seller_key      text NOT NULL,
  client_id       text,
  status          text NOT NULL,
  currency        text NOT NULL,
  total_amount    numeric(20, 4) NOT NULL,
  order_date      timestamptz NOT NULL,
  sales_order     jsonb NOT NULL,
  envelope_id     uuid NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (seller_key, order_no)
);
CREATE INDEX commerce_orders_client_idx ON commerce_orders (client_id, order_date DESC);
`,
};
