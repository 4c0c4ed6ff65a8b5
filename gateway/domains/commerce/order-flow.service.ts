import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { TradeError } from '../../../core/errors/trade-error';
import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import { SalesOrderDocument } from '../../../core/model/documents/commerce.schema';
import {
  FulfillmentOrderDocument,
  type FulfillmentOrder,
} from '../../../core/model/documents/warehouse.schema';
import type { Envelope } from '../../../core/envelope/envelope';
import type { PartnerRegistry } from '../../../core/partners/partner-registry';
import { shopFlow, type ShopFlow } from '../../../mappings/marketplace';
import { OutboundComposer } from '../../outbound/outbound-composer';
import { PARTNER_REGISTRY } from '../../partners/partners.tokens';
import { publishSettlementEvent } from '../settlement/settlement-events';
import type { OrderKey } from './order-book.repository';
import { OrderWorkRepository, type WorkKind, type WorkRecord } from './order-work.repository';
import { cancelsByResend, fulfilmentOrderOf, workDue, type OrderWork } from './rules/order-flow';

/** The connector name on the envelopes the commerce domain publishes itself. */
const COMMERCE_CONNECTOR = 'commerce';

interface OrderAt extends OrderKey {
  order: SalesOrder;
  envelope: Envelope;
}

/**
 * Starts and reverses the downstream work of marketplace orders, once per order and kind
 * (callers hold the order's lock, so what `done` reads stays true for the transaction): the
 * shop's fulfilment (overseas warehouse order, or a direct shipment to book), and on
 * cancellation or return the canonical event clearance and others act on, and the fulfilment
 * order's cancellation.
 */
/** An order document the flow publishes: the payload's type follows from the document type. */
type OrderDocument =
  | { documentType: 'SalesOrder'; payload: SalesOrder }
  | { documentType: 'FulfillmentOrder'; payload: FulfillmentOrder };

@Injectable()
export class OrderFlowService {
  constructor(
    @Inject(PARTNER_REGISTRY) private readonly partners: PartnerRegistry,
    private readonly composer: OutboundComposer,
    private readonly work: OrderWorkRepository,
  ) {}

  async run(tx: PoolClient, at: OrderAt): Promise<void> {
    let flow = this.flowOf(at.envelope);
    if (flow instanceof TradeError) {
      // A shop misconfigured since its order was mapped: no fulfilment, reversals still run.
      await this.task(tx, at, 'fulfilment', `shop settings: ${flow.message}`);
      flow = {};
    }
    // What is done only ever takes work off the list: when nothing is due before anything is
    // done (most orders: no flow, or not yet shippable), there is nothing to read.
    if (workDue(at.order, flow, new Set()).length === 0) return;
    const done = await this.work.done(tx, at);
    const doneKinds = new Set([...done.keys()].filter(isOrderWork));
    for (const kind of workDue(at.order, flow, doneKinds)) {
      if (kind === 'fulfilment') await this.fulfil(tx, at, flow);
      else if (kind === 'shipment-booking')
        await this.task(tx, at, kind, `book a ${flow.customsMode} direct shipment for the order`);
      else await this.reverse(tx, at, kind, done);
    }
  }

  /** The shop's flow from the marketplace partner's mapping settings (shop-settings.ts). */
  private flowOf(envelope: Envelope): ShopFlow | TradeError {
    const partner = this.partners.find(envelope.source.partnerId);
    const formats = partner?.formats ?? [];
    const entry =
      formats.find((f) => f.messageType === envelope.source.messageType && f.settings) ??
      formats.find((f) => f.settings?.fulfilment !== undefined);
    try {
      return shopFlow(entry?.settings);
    } catch (err) {
      if (err instanceof TradeError) return err;
      throw err;
    }
  }

  private async fulfil(tx: PoolClient, at: OrderAt, flow: ShopFlow): Promise<void> {
    const warehouse = flow.warehousePartnerId!;
    let fo: FulfillmentOrder;
    let sent: { messageId: string };
    try {
      fo = fulfilmentOrderOf(at.order, flow, new Date().toISOString());
      sent = await this.composer.send(tx, {
        partnerId: warehouse,
        documentType: 'FulfillmentOrder',
        payload: fo,
        clientId: at.envelope.clientId,
        correlationId: at.envelope.correlationId,
        causationId: at.envelope.id,
        refs: SalesOrderDocument.refs(at.order),
      });
    } catch (err) {
      // An order the warehouse cannot take (no SKU, no street, no outbound format): it waits
      // for an operator; retrying the same order would fail the same way.
      if (!(err instanceof TradeError) || err.retryable || err.kind === 'internal') throw err;
      await this.task(tx, at, 'fulfilment', err.message, warehouse);
      return;
    }
    await this.publish(tx, at, FulfillmentOrderDocument.defaultEventType, {
      documentType: 'FulfillmentOrder',
      payload: fo,
    });
    await this.work.claim(tx, {
      ...this.claimOf(at, 'fulfilment'),
      outcome: 'sent',
      partnerId: warehouse,
      messageId: sent.messageId,
      detail: { fulfillmentOrder: fo },
    });
  }

  private async reverse(
    tx: PoolClient,
    at: OrderAt,
    kind: 'cancelled' | 'returned',
    done: Map<WorkKind, WorkRecord>,
  ): Promise<void> {
    const type = kind === 'cancelled' ? 'commerce.order.cancelled' : 'commerce.order.returned';
    await this.publish(tx, at, type, { documentType: 'SalesOrder', payload: at.order });
    await this.work.claim(tx, { ...this.claimOf(at, kind), outcome: 'published' });
    // A returned order has shipped: its goods come back through the marketplace's returns.
    if (kind !== 'cancelled') return;
    const fulfilment = done.get('fulfilment');
    if (fulfilment?.outcome === 'sent') await this.cancelFulfilment(tx, at, fulfilment);
    else if (fulfilment) await this.work.closeTask(tx, at, 'fulfilment', 'order cancelled');
    const booking = done.get('shipment-booking');
    if (booking && !booking.doneAt)
      await this.work.closeTask(tx, at, 'shipment-booking', 'order cancelled');
    else if (booking)
      await this.task(
        tx,
        at,
        'cancel-shipment-booking',
        'order cancelled after its shipment was booked: cancel the booking',
      );
  }

  private async cancelFulfilment(tx: PoolClient, at: OrderAt, sent: WorkRecord): Promise<void> {
    const partnerId = sent.partnerId!;
    const fo = sent.detail?.fulfillmentOrder as FulfillmentOrder;
    if (!cancelsByResend(this.partners.find(partnerId)?.formats ?? [])) {
      const why = `order cancelled: cancel fulfilment order ${fo.fulfillmentNo} with warehouse ${partnerId} (TradeHub sends it no cancellation: no mapping for fu.wms.outbound.cancel yet)`;
      await this.task(tx, at, 'cancel-fulfilment', why, partnerId, {
        fulfillmentNo: fo.fulfillmentNo,
      });
      return;
    }
    const cancel: FulfillmentOrder = { ...fo, status: 'CANCELLED' };
    const { messageId } = await this.composer.send(tx, {
      partnerId,
      documentType: 'FulfillmentOrder',
      payload: cancel,
      clientId: at.envelope.clientId,
      correlationId: at.envelope.correlationId,
      causationId: at.envelope.id,
    });
    await this.work.claim(tx, {
      ...this.claimOf(at, 'cancel-fulfilment'),
      outcome: 'sent',
      partnerId,
      messageId,
      detail: { fulfillmentNo: fo.fulfillmentNo },
    });
  }

  /** Leaves the work to an operator (once per order and kind), saying what to do and why. */
  private async task(
    tx: PoolClient,
    at: OrderAt,
    kind: WorkKind,
    reason: string,
    partnerId?: string,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.work.claim(tx, {
      ...this.claimOf(at, kind),
      outcome: 'task',
      partnerId,
      reason,
      detail: { customsMode: at.order.customsMode, status: at.order.status, ...detail },
    });
  }

  private claimOf(at: OrderAt, kind: WorkKind) {
    return {
      sellerKey: at.sellerKey,
      orderNo: at.orderNo,
      kind,
      clientId: at.envelope.clientId ?? null,
      envelopeId: at.envelope.id,
    };
  }

  /** Publishes (outbox) and files on the trade timeline, caused by the order's envelope. */
  private async publish(
    tx: PoolClient,
    at: OrderAt,
    type: string,
    document: OrderDocument,
  ): Promise<void> {
    const { documentType, payload } = document;
    const refs =
      document.documentType === 'SalesOrder'
        ? SalesOrderDocument.refs(document.payload)
        : FulfillmentOrderDocument.refs(document.payload);
    await publishSettlementEvent(tx, {
      type,
      documentType,
      payload,
      refs,
      cause: at.envelope,
      clientId: at.envelope.clientId ?? null,
      connector: COMMERCE_CONNECTOR,
    });
  }
}

const isOrderWork = (kind: WorkKind): kind is OrderWork =>
  kind === 'fulfilment' ||
  kind === 'shipment-booking' ||
  kind === 'cancelled' ||
  kind === 'returned';
