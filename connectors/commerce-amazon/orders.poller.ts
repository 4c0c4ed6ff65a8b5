import {
  TOKEN_EXPIRES_KEY,
  type InboundPoller,
  type PollContext,
  type PollResult,
} from '../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { isObject, peekJson } from '../transports/http/json-peek';
import { storePolled } from '../transports/http/poll-intake';
import { parseTransportSettings, softFail } from '../transports/http/transport-settings';
import { AmazonSpApiSettingsSchema, type AmazonSpApiSettings } from './amazon-settings.schema';
import { SpApiClient, type SpApiClientOptions } from './sp-api.client';

const CURSOR = 'amazon-orders-cursor';
const ORDERS = '/orders/v0/orders';

type Obj = Record<string, unknown>;

/**
 * Orders updated since the cursor (getOrders with LastUpdatedAfter, then NextToken pages),
 * each order stored with its getOrderItems lines joined into the payload, so it maps to a
 * complete SalesOrder. The cursor becomes the answer's LastUpdatedBefore once every page of
 * the round is stored; a round the rate limit cuts short is resumed from its NextToken.
 */
export class AmazonOrdersPoller implements InboundPoller {
  readonly kind = 'amazon-sp-api';
  private readonly clients = new Map<string, SpApiClient>();

  constructor(private readonly options: SpApiClientOptions = {}) {}

  async poll(partner: PartnerRecord, raw: PartnerTransport, ctx: PollContext): Promise<PollResult> {
    const settings = parseTransportSettings(AmazonSpApiSettingsSchema, raw, partner, 'receive');
    const client = this.clientFor(partner.id, settings);
    try {
      return await this.round(client, settings, partner, ctx);
    } finally {
      // The LWA token lives in this client only: its expiry goes where partner health reads it.
      const expiresAt = client.tokenExpiresAt;
      if (expiresAt) await ctx.state.set(TOKEN_EXPIRES_KEY, new Date(expiresAt).toISOString());
    }
  }

  private async round(
    client: SpApiClient,
    settings: AmazonSpApiSettings,
    partner: PartnerRecord,
    ctx: PollContext,
  ): Promise<PollResult> {
    const state = JSON.parse((await ctx.state.get(CURSOR)) ?? '{}') as {
      after?: string;
      next?: string;
    };
    const after =
      state.after ?? settings.startFrom ?? new Date(Date.now() - 86_400_000).toISOString();
    let received = 0;
    let next = state.next;
    try {
      for (let page = 0; page < settings.maxPages; page++) {
        if (client.ordersBucket.take() > 0) {
          await ctx.state.set(CURSOR, JSON.stringify({ after, next }));
          return { received, deferred: 1 };
        }
        const query = next
          ? { MarketplaceIds: settings.marketplaceIds.join(','), NextToken: next }
          : { MarketplaceIds: settings.marketplaceIds.join(','), LastUpdatedAfter: after };
        const response = await client.get(ORDERS, query);
        client.ordersBucket.follow(response.headers['x-amzn-ratelimit-limit']);
        const payload = payloadOf(response.text);
        for (const order of (payload.Orders as Obj[] | undefined) ?? []) {
          await this.storeOrder(client, partner, ctx, order);
          received++;
        }
        next = typeof payload.NextToken === 'string' ? payload.NextToken : undefined;
        if (!next) {
          const before =
            typeof payload.LastUpdatedBefore === 'string' ? payload.LastUpdatedBefore : after;
          await ctx.state.set(CURSOR, JSON.stringify({ after: before }));
          return { received, deferred: 0 };
        }
        if (ctx.signal.aborted) break;
      }
      await ctx.state.set(CURSOR, JSON.stringify({ after, next }));
      return { received, deferred: 1 };
    } catch (err) {
      if (next !== state.next) await ctx.state.set(CURSOR, JSON.stringify({ after, next }));
      return softFail(err, received);
    }
  }

  private async storeOrder(
    client: SpApiClient,
    partner: PartnerRecord,
    ctx: PollContext,
    order: Obj,
  ) {
    const id = String(order.AmazonOrderId);
    const items = payloadOf(
      (await client.get(`${ORDERS}/${encodeURIComponent(id)}/orderItems`, {})).text,
    );
    const text = JSON.stringify({ payload: { ...order, OrderItems: items.OrderItems ?? [] } });
    await storePolled(ctx, partner, 'amazon-sp-api', {
      text,
      partnerRef: `order:${id}:${String(order.LastUpdateDate)}`,
      meta: { operation: 'getOrders+getOrderItems', amazonOrderId: id },
    });
  }

  private clientFor(partnerId: string, settings: AmazonSpApiSettings): SpApiClient {
    // One client per partner keeps its token and rate bucket across rounds.
    let client = this.clients.get(partnerId);
    if (!client) this.clients.set(partnerId, (client = new SpApiClient(settings, this.options)));
    return client;
  }
}

function payloadOf(text: string): Obj {
  const answer = peekJson(text);
  return isObject(answer) && isObject(answer.payload) ? answer.payload : {};
}
