import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../../core/envelope/envelope';
import type { PaymentReceived } from '../../../core/model/documents/banking-payment.schema';
import { mergeRefs } from '../../../core/model/trade-refs';
import type { Logger } from '../../../core/logging/logger';
import { clientKey } from '../../auth/client-scope';
import { LOGGER } from '../../infra/tokens';
import { FxRepository } from './fx.repository';
import { PaymentRepository } from './payment.repository';
import { ReceivableRepository } from './receivable.repository';
import { deliver } from './rules/fx-forward';
import { matchPayment, type IncomingPayment, type MatchResult } from './rules/payment-matching';
import {
  PAYMENT_MATCHED,
  PAYMENT_UNMATCHED,
  publishFxDelivered,
  publishSettlementEvent,
  type PaymentMatched,
  type PaymentUnmatched,
} from './settlement-events';

function incoming(p: PaymentReceived): IncomingPayment {
  return {
    amount: p.amount,
    charges: p.charges,
    instructedAmount: p.instructedAmount,
    payerName: p.payer?.name,
    invoiceNos: p.invoiceNos ?? [],
    orderNos: p.orderNos ?? [],
    texts: [p.remittanceInfo, p.endToEndId].filter((t): t is string => !!t),
  };
}

/** Applies received payments to open receivables, and delivers them under open forwards. */
@Injectable()
export class PaymentMatchingService {
  constructor(
    private readonly receivables: ReceivableRepository,
    private readonly payments: PaymentRepository,
    private readonly fx: FxRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async received(tx: PoolClient, envelope: Envelope<PaymentReceived>): Promise<void> {
    const payment = envelope.payload;
    const key = clientKey(envelope.clientId);
    const fresh = await this.payments.insert(tx, {
      id: envelope.id,
      clientKey: key,
      clientId: envelope.clientId ?? null,
      partnerId: envelope.source.partnerId,
      payment,
    });
    if (!fresh) return;
    const open = await this.receivables.lockOpen(tx, key);
    const rate = this.rateCache(tx, payment.valueDate);
    const rates = await rate.load(
      payment.amount.currency,
      open.map((r) => r.currency),
    );
    const result = matchPayment(incoming(payment), open, (from, to) => rates.get(`${from}/${to}`));
    await this.record(tx, envelope, result, 'bank');
    await this.deliverUnderForwards(tx, envelope);
  }

  /** Records the outcome and publishes it: matched with its allocations, or to the operator queue. */
  async record(
    tx: PoolClient,
    envelope: Envelope<PaymentReceived>,
    result: MatchResult,
    by: string,
  ) {
    const payment = envelope.payload;
    if (!result.matched) {
      await this.payments.setOutcome(tx, envelope.id, {
        status: 'UNMATCHED',
        reason: result.reason,
      });
      const payload: PaymentUnmatched = {
        paymentId: envelope.id,
        paymentRef: payment.paymentRef,
        amount: payment.amount,
        reason: result.reason,
        ...(payment.payer?.name ? { payerName: payment.payer.name } : {}),
      };
      await publishSettlementEvent(tx, {
        type: PAYMENT_UNMATCHED,
        documentType: 'PaymentUnmatched',
        payload,
        refs: envelope.refs,
        cause: envelope,
        clientId: envelope.clientId ?? null,
      });
      return;
    }
    for (const a of result.allocations) {
      await this.payments.allocate(tx, envelope.id, a, by);
      await this.receivables.apply(tx, a.receivableId, a.amount.amount);
    }
    await this.payments.setOutcome(tx, envelope.id, {
      status: 'MATCHED',
      method: result.method,
      unapplied: result.unapplied?.amount,
    });
    const payload: PaymentMatched = {
      paymentId: envelope.id,
      paymentRef: payment.paymentRef,
      amount: payment.amount,
      method: by === 'bank' ? result.method : 'OPERATOR',
      allocations: result.allocations,
      ...(result.unapplied ? { unapplied: result.unapplied } : {}),
    };
    await publishSettlementEvent(tx, {
      type: PAYMENT_MATCHED,
      documentType: 'PaymentMatched',
      payload,
      refs: mergeRefs(envelope.refs, { invoiceNo: result.allocations.map((a) => a.invoiceNo) }),
      cause: envelope,
      clientId: envelope.clientId ?? null,
    });
  }

  // A foreign-currency receipt is delivered under the client's open SELL_FX forwards, oldest first.
  private async deliverUnderForwards(tx: PoolClient, envelope: Envelope<PaymentReceived>) {
    const payment = envelope.payload;
    const forwards = await this.fx.lockDeliverable(
      tx,
      clientKey(envelope.clientId),
      payment.amount.currency,
      payment.valueDate,
    );
    let left = new Decimal(payment.amount.amount);
    for (const forward of forwards) {
      if (left.lte(0)) break;
      const spot = await this.fx.rateOn(
        tx,
        forward.amount.currency,
        forward.quoteCurrency,
        payment.valueDate,
      );
      const d = deliver(forward, left.toFixed(), spot ?? forward.rate);
      if (new Decimal(d.delivered.amount).lte(0)) continue;
      await this.fx.recordDelivery(tx, {
        id: randomUUID(),
        forwardId: forward.id,
        paymentId: envelope.id,
        delivered: d.delivered.amount,
        atForward: d.atForward.amount,
        spotRate: spot ?? null,
        atSpot: spot ? d.atSpot.amount : null,
        gainLoss: spot ? d.gainLoss.amount : null,
        settles: false,
      });
      left = left.minus(d.delivered.amount);
      if (forward.clientRate)
        await publishFxDelivered(
          tx,
          {
            // The bank's reference, not the envelope id: a replay is the same delivery.
            ref: `${forward.dealNo}/${payment.paymentRef}`,
            dealNo: forward.dealNo,
            paymentId: envelope.id,
            direction: forward.direction,
            amount: d.delivered,
            quoteCurrency: forward.quoteCurrency,
            bankRate: forward.rate,
            clientRate: forward.clientRate,
            // The value date is a China date: the currency is sold onshore.
            deliveredAt: `${payment.valueDate}T00:00:00+08:00`,
          },
          envelope.clientId ?? null,
          envelope,
        );
      if (!spot)
        this.logger.warn(
          { dealNo: forward.dealNo, date: payment.valueDate },
          'no spot rate for the delivery date: the forward gain or loss is not valued',
        );
    }
  }

  // Rates of one payment's currency into each receivable currency, read once per payment.
  private rateCache(tx: PoolClient, date: string) {
    return {
      load: async (from: string, targets: string[]) => {
        const map = new Map<string, string>();
        for (const to of new Set(targets)) {
          if (to === from) continue;
          const direct = await this.fx.rateOn(tx, from, to, date);
          const inverse = direct ? undefined : await this.fx.rateOn(tx, to, from, date);
          const rate =
            direct ??
            (inverse ? new Decimal(1).div(inverse).toSignificantDigits(12).toFixed() : undefined);
          if (rate) map.set(`${from}/${to}`, rate);
        }
        return map;
      },
    };
  }
}
