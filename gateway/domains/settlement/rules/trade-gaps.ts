import Decimal from 'decimal.js';
import { addDays } from '../../calendar-days';
import {
  invoicesOf,
  onBoardDates,
  payloadsOf,
  type TradeFacts,
  type TradeGapRule,
} from '../../trade-gaps/contract';
import type { PaymentMatched } from '../settlement-events';

/** What the matched payments on the trade applied to one invoice, in the invoice's currency. */
export function collected(facts: TradeFacts, invoiceNo: string, currency: string): Decimal {
  return payloadsOf<PaymentMatched>(facts, 'PaymentMatched')
    .flatMap((m) => m.allocations)
    .filter((a) => a.invoiceNo === invoiceNo && a.amount.currency === currency)
    .reduce((sum, a) => sum.plus(a.amount.amount), new Decimal(0));
}

/** Every invoice on the trade is paid in full by matched receipts. */
export function fullyCollected(facts: TradeFacts): boolean {
  return invoicesOf(facts).every((i) =>
    collected(facts, i.invoiceNo, i.totalAmount.currency).gte(i.totalAmount.amount),
  );
}

/**
 * An invoice not yet paid in full by matched receipts. Its due date is the credit period
 * counted from shipment (the B/L's on-board date) or, before shipment, from the invoice date;
 * without credit days (LC at sight, T/T) the rule knows no date.
 */
const fxCollection: TradeGapRule = {
  domain: 'settlement',
  code: 'settlement.fx-collection',
  label: { en: 'FX not collected', zh: '外汇尚未收齐' },
  find: (facts) => {
    const start = onBoardDates(facts)[0];
    return invoicesOf(facts).flatMap((i) => {
      const total = i.totalAmount;
      const paid = collected(facts, i.invoiceNo, total.currency);
      if (paid.gte(total.amount)) return [];
      const days = i.paymentTerms?.creditDays;
      return [
        {
          subject: i.invoiceNo,
          detail: `${paid.toFixed()} of ${total.amount} ${total.currency}`,
          ...(days !== undefined ? { due: addDays(start ?? i.issueDate, days) } : {}),
        },
      ];
    });
  },
};

export const settlementTradeGaps: readonly TradeGapRule[] = [fxCollection];
