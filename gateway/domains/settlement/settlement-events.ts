import type { PoolClient } from 'pg';
import { createEnvelope, type Envelope } from '../../../core/envelope/envelope';
import { enqueueEnvelope } from '../../../core/messaging/outbox';
import type { Money } from '../../../core/model/values/money.schema';
import type { TradeRefs } from '../../../core/model/trade-refs';
import { insertDocuments } from '../../../core/storage/document.repository';
import type { Allocation, MatchMethod } from './rules/payment-matching';

/** The connector name on envelopes the settlement service publishes itself. */
export const SETTLEMENT_CONNECTOR = 'settlement';

export const PAYMENT_MATCHED = 'settlement.payment.matched';
export const PAYMENT_UNMATCHED = 'settlement.payment.unmatched';

export interface PaymentMatched {
  paymentId: string;
  paymentRef: string;
  amount: Money;
  method: MatchMethod | 'OPERATOR';
  allocations: Allocation[];
  unapplied?: Money;
}

export interface PaymentUnmatched {
  paymentId: string;
  paymentRef: string;
  amount: Money;
  payerName?: string;
  reason: string;
}

export const FX_DELIVERED = 'settlement.fx.delivered';

/**
 * Foreign currency delivered for the client at two rates: the bank's (what the platform dealt
 * at) and the client's (what the platform gave the client). Published for a delivery under a
 * forward booked with a client rate and for a 结汇 recorded with one; the fees domain meters
 * the difference. `ref` names the delivery once (deal and payment, or the payment settled).
 */
export interface FxDelivered {
  ref: string;
  dealNo?: string;
  paymentId?: string;
  /** SELL_FX: the client sold `amount` (结汇); BUY_FX: the client bought it (售汇). */
  direction: 'SELL_FX' | 'BUY_FX';
  /** The foreign currency delivered. */
  amount: Money;
  quoteCurrency: string;
  bankRate: string;
  clientRate: string;
  /** ISO 8601 with zone. */
  deliveredAt: string;
}

declare module '../../../core/model/events' {
  interface NonDocumentEvents {
    [PAYMENT_MATCHED]: PaymentMatched;
    [PAYMENT_UNMATCHED]: PaymentUnmatched;
    [FX_DELIVERED]: FxDelivered;
  }
}

/**
 * Publishes a settlement event in the caller's transaction (outbox) and files it with the
 * trade's references, so `/trades/:ref` shows the match beside the bank message it came from.
 * Without a cause (an operator's entry through the API) the event starts its own correlation,
 * sourced from its client.
 */
export async function publishSettlementEvent<P>(
  tx: PoolClient,
  e: {
    type: string;
    documentType: string;
    payload: P;
    refs: TradeRefs;
    cause?: Envelope;
    clientId: string | null;
    /** The publishing domain, when another domain files its events this way. */
    connector?: string;
  },
): Promise<string> {
  const envelope = createEnvelope({
    type: e.type,
    documentType: e.documentType,
    version: '1',
    payload: e.payload,
    source: {
      partnerId: e.cause?.source.partnerId ?? e.clientId ?? 'platform',
      connector: e.connector ?? SETTLEMENT_CONNECTOR,
      transport: e.cause ? 'handler' : 'api',
      format: 'canonical',
      messageType: e.documentType,
      ...(e.cause?.source.messageId ? { messageId: e.cause.source.messageId } : {}),
    },
    refs: e.refs,
    receivedAt: new Date().toISOString(),
    clientId: e.clientId ?? undefined,
    correlationId: e.cause?.correlationId,
    causationId: e.cause?.id,
  });
  await enqueueEnvelope(tx, envelope);
  await insertDocuments(tx, [{ envelope, messageId: e.cause?.source.messageId ?? null }]);
  return envelope.id;
}

/** Publishes a delivery at the bank's and the client's rates (caller's transaction). */
export async function publishFxDelivered(
  tx: PoolClient,
  d: FxDelivered,
  clientId: string | null,
  cause?: Envelope,
): Promise<string> {
  return publishSettlementEvent(tx, {
    type: FX_DELIVERED,
    documentType: 'FxDelivered',
    payload: d,
    refs: d.dealNo ? { fxDealNo: [d.dealNo] } : {},
    cause,
    clientId,
  });
}
