import { Inject, Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import type { Pool } from 'pg';
import type { Principal } from '../../auth/principal';
import { PG_POOL } from '../../infra/tokens';
import { FxConverter, money } from './fx';
import { scopeOf } from './marketing-access';
import { AnalyticsQuerySchema, GROUP_BY, parseOr400 } from './marketing.schemas';

/** Orders that did not sell (cancelled, returned) count for no GMV. */
const COUNTED = `status NOT IN ('CANCELLED', 'RETURNED')`;

const KEY_SQL: Record<(typeof GROUP_BY)[number], string> = {
  channel: 'o.channel',
  shop: `o.channel || ':' || o.shop_id`,
  country: 'o.country',
  day: `to_char(o.order_day, 'YYYY-MM-DD')`,
  sku: 'l.sku',
};

interface Row {
  key: string;
  order_no: string;
  seller_key: string;
  day: string;
  currency: string;
  value: string;
  units: string;
}

/**
 * Channel analytics: GMV (goods value of orders that sold), orders, units and average order
 * value per channel, shop, country, SKU or day, converted to the reporting currency at each
 * order day's settlement rate. By SKU, GMV and units are the SKU's lines.
 */
@Injectable()
export class AnalyticsService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async report(principal: Principal, query: unknown) {
    const q = parseOr400(AnalyticsQuerySchema, query);
    const bySku = q.groupBy === 'sku';
    const { rows } = await this.pool.query<Row>(
      `SELECT ${KEY_SQL[q.groupBy]} AS key, o.order_no, o.seller_key, to_char(o.order_day, 'YYYY-MM-DD') AS day,
              o.currency, ${bySku ? 'l.amount' : 'o.goods_value'}::text AS value, ${bySku ? 'l.quantity' : 'o.units'}::text AS units
         FROM marketing_orders o ${bySku ? 'JOIN marketing_order_lines l USING (seller_key, order_no)' : ''}
        WHERE o.order_day BETWEEN $1::date AND $2::date AND o.${COUNTED}
          AND ($3::text IS NULL OR o.client_key = $3)
        ORDER BY 1`,
      [q.from, q.to, scopeOf(principal, q.clientId)],
    );
    const fx = new FxConverter(this.pool, q.currency);
    const groups = new Map<string, { gmv: Decimal; orders: Set<string>; units: Decimal }>();
    for (const r of rows) {
      const g = groups.get(r.key) ?? {
        gmv: new Decimal(0),
        orders: new Set<string>(),
        units: new Decimal(0),
      };
      g.gmv = g.gmv.plus(await fx.convert(r.value, r.currency, r.day));
      g.orders.add(`${r.seller_key}\u0000${r.order_no}`);
      g.units = g.units.plus(r.units);
      groups.set(r.key, g);
    }
    const out = [...groups].map(([key, g]) => ({
      [q.groupBy]: key,
      gmv: money(g.gmv),
      orders: g.orders.size,
      units: g.units.toFixed(),
      aov: money(g.gmv.div(g.orders.size)),
    }));
    const gmv = [...groups.values()].reduce((s, g) => s.plus(g.gmv), new Decimal(0));
    const orders = new Set(rows.map((r) => `${r.seller_key}\u0000${r.order_no}`)).size;
    return {
      from: q.from,
      to: q.to,
      currency: q.currency,
      groupBy: q.groupBy,
      total: {
        gmv: money(gmv),
        orders,
        aov: orders ? money(gmv.div(orders)) : money(new Decimal(0)),
      },
      groups: out,
    };
  }
}
