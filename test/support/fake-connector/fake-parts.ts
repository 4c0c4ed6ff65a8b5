import type {
  DeliveryReceipt,
  InboundPoller,
  OutboundDelivery,
  OutboundTransport,
  PollContext,
  PollResult,
  WebhookRequest,
  WebhookVerifier,
} from '../../../core/connector/contract';
import { TradeError } from '../../../core/errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../../../core/partners/partner.schema';
import type { InboundMapping, OutboundMapping } from '../../../core/translation/contract';
import { genericOrderMapping } from '../../../mappings/generic-order-json/generic-order.mapping';

export const FAKE_CONNECTOR = 'fake-courier';

/** What the fake partner's "server" holds for the poller, and what its transport received. */
export const fakeServer = { waiting: [] as Buffer[], delivered: [] as OutboundDelivery[] };

/** Takes every waiting body, storing each before it is dropped from the server. */
export class FakeDropPoller implements InboundPoller {
  readonly kind = 'fake-drop';

  async poll(partner: PartnerRecord, _s: PartnerTransport, ctx: PollContext): Promise<PollResult> {
    let received = 0;
    while (fakeServer.waiting.length > 0) {
      const raw = fakeServer.waiting[0];
      await ctx.intake.receive({
        partnerId: partner.id,
        connector: FAKE_CONNECTOR,
        transport: this.kind,
        raw,
        clientId: partner.clientId,
      });
      fakeServer.waiting.shift();
      received += 1;
    }
    return { received, deferred: 0 };
  }
}

export class FakeSendTransport implements OutboundTransport {
  readonly kind = 'fake-send';

  async send(delivery: OutboundDelivery): Promise<DeliveryReceipt> {
    fakeServer.delivered.push(delivery);
    return { detail: { accepted: true } };
  }
}

/** Pushes carry the partner's key in `X-Fake-Key`. */
export const fakeVerifier: WebhookVerifier = {
  connector: FAKE_CONNECTOR,
  verify(request: WebhookRequest, partner: PartnerRecord, settings: PartnerTransport) {
    if (request.headers['x-fake-key'] !== settings.key)
      throw new TradeError('rejected', `wrong X-Fake-Key for ${partner.id}`, {
        stage: 'receive',
        code: 'bad-key',
      });
    return {};
  },
};

/** `{ "courierOrder": <generic order JSON> }` -> SalesOrder, through the generic mapping. */
export const fakeOrderMapping: InboundMapping = {
  id: 'fake-courier-order',
  format: 'json',
  messageTypes: ['fake.courier-order'],
  toCanonical: (message, ctx) =>
    genericOrderMapping.toCanonical(
      { ...message, tree: (message.tree as { courierOrder: unknown }).courierOrder },
      ctx,
    ),
};

export const fakeOrderRender: OutboundMapping<{ orderNo: string }> = {
  id: 'fake-courier-order-render',
  documentType: 'SalesOrder',
  format: 'json',
  render: (order, ctx) => ({
    body: Buffer.from(JSON.stringify({ courierOrderNo: order.orderNo })),
    contentType: 'application/json',
    format: 'json',
    messageType: 'fake.courier-order',
    messageRef: ctx.controlRef,
  }),
};
