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

/**
 * The downstream work each order caused, one row per order and kind (fulfilment,
 * shipment-booking, cancelled, returned, cancel-fulfilment): the primary key makes each happen
 * once however often the marketplace pushes the order. `outcome` says whether it was sent to a
 * partner, published, or left to an operator (`task`, open until `done_at`).
 */
export const commerceWorkMigration: Migration = {
  id: '0101-commerce-order-work',
  sql: /* sql */ `
CREATE TABLE commerce_order_work (
  seller_key   text NOT NULL,
  order_no     text NOT NULL,
  kind         text NOT NULL,
  client_id    text,
  outcome      text NOT NULL CHECK (outcome IN ('sent', 'published', 'task')),
  partner_id   text,
  message_id   uuid,
  reason       text,
  detail       jsonb NOT NULL DEFAULT '{}'::jsonb,
  envelope_id  uuid NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  done_at      timestamptz,
  PRIMARY KEY (seller_key, order_no, kind)
);
CREATE INDEX commerce_order_work_tasks_idx ON commerce_order_work (created_at) WHERE outcome = 'task' AND done_at IS NULL;
`,
};
