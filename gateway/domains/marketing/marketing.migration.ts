import type { Migration } from '../../../core/storage/migration';

/**
 * Marketing's own state: the orders it counts (one row per order, its lines beside it), the FX
 * rates it reports with, the campaigns with their attribution keys and the daily ad spend.
 * client_key is '' for rows no client owns.
 */
export const marketingMigration: Migration = {
  id: '0500-marketing',
  sql: /* sql */ `
CREATE TABLE marketing_orders (
  seller_key    text NOT NULL,
  order_no      text NOT NULL,
  client_key    text NOT NULL,
  client_id     text,
  channel       text NOT NULL,
  shop_id       text NOT NULL,
  country       text NOT NULL,
  order_date    timestamptz NOT NULL,
  order_day     date NOT NULL,
  status        text NOT NULL,
  currency      text NOT NULL,
  goods_value   numeric(20, 4) NOT NULL,
  units         numeric(20, 4) NOT NULL,
  promotion_ids text[] NOT NULL DEFAULT '{}',
  utm_campaign  text,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (seller_key, order_no)
);
CREATE INDEX marketing_orders_day_idx ON marketing_orders (client_key, order_day);

CREATE TABLE marketing_order_lines (
  seller_key text NOT NULL,
  order_no   text NOT NULL,
  line_no    integer NOT NULL,
  sku        text NOT NULL,
  quantity   numeric(20, 4) NOT NULL,
  amount     numeric(20, 4) NOT NULL,
  PRIMARY KEY (seller_key, order_no, line_no),
  FOREIGN KEY (seller_key, order_no) REFERENCES marketing_orders ON DELETE CASCADE
);

-- 1 unit of currency = rate units of quote_currency, from rate_date on (settlement rates).
CREATE TABLE marketing_fx_rates (
  currency       text NOT NULL,
  quote_currency text NOT NULL,
  rate_date      date NOT NULL,
  rate           numeric(20, 10) NOT NULL CHECK (rate > 0),
  PRIMARY KEY (currency, quote_currency, rate_date)
);

CREATE TABLE marketing_campaigns (
  client_key    text NOT NULL,
  platform      text NOT NULL,
  campaign_id   text NOT NULL,
  client_id     text,
  name          text NOT NULL,
  promotion_ids text[] NOT NULL DEFAULT '{}',
  utm_campaign  text,
  PRIMARY KEY (client_key, platform, campaign_id)
);

CREATE TABLE marketing_ad_spend (
  client_key  text NOT NULL,
  platform    text NOT NULL,
  campaign_id text NOT NULL,
  day         date NOT NULL,
  currency    text NOT NULL,
  spend       numeric(20, 4) NOT NULL,
  impressions bigint NOT NULL DEFAULT 0,
  clicks      bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (client_key, platform, campaign_id, day)
);
`,
};
