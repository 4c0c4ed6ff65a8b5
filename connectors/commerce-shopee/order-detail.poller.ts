import type {
  ConnectorDeps,
  InboundPoller,
  PollContext,
  PollResult,
} from '../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { storePolled } from '../transports/http/poll-intake';
import { parseTransportSettings, softFail } from '../transports/http/transport-settings';
import { pushedOrdersSince } from './pushed-orders.source';
import { ShopeeApiClient, type ShopeeClientOptions } from './shopee-api.client';
import { ShopeeApiSettingsSchema } from './shopee-settings.schema';

const CURSOR = 'shopee-push-cursor';
/** get_order_detail takes up to 50 order numbers per call. */
const BATCH = 50;

/**
 * Answers stored order pushes with get_order_detail: each round reads the pushes stored since
 * its cursor, fetches their orders and stores the answer through the intake, where it maps to
 * SalesOrders. The cursor moves only after the answer is stored: a failed round is repeated.
 */
export class ShopeeOrderDetailPoller implements InboundPoller {
  readonly kind = 'shopee-api';

  constructor(
    private readonly deps: ConnectorDeps,
    private readonly options: ShopeeClientOptions = {},
  ) {}

  async poll(partner: PartnerRecord, raw: PartnerTransport, ctx: PollContext): Promise<PollResult> {
    const settings = parseTransportSettings(ShopeeApiSettingsSchema, raw, partner, 'receive');
    const client = new ShopeeApiClient(settings, ctx.state, this.options);
    const cursor = await ctx.state.get(CURSOR);
    const pushed = await pushedOrdersSince(this.deps.db, partner.id, cursor, BATCH);
    let received = 0;
    try {
      if (pushed.orderSns.length > 0) {
        const text = await client.orderDetail(pushed.orderSns);
        await storePolled(ctx, partner, 'shopee-api', {
          text,
          meta: { path: 'get_order_detail', orderSns: pushed.orderSns },
        });
        received++;
      }
    } catch (err) {
      return softFail(err, received);
    }
    if (pushed.cursor && pushed.cursor !== cursor) await ctx.state.set(CURSOR, pushed.cursor);
    return { received, deferred: 0 };
  }
}
