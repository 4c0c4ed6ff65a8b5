import Decimal from 'decimal.js';
import type { Money } from '../../../../core/model/values/money.schema';
import { percentOf } from '../../percent';

/** One rate of a policy: buyer country ('*' for any), payment term and credit days up to. */
export interface PremiumRate {
  buyerCountry: string;
  paymentTerm: string;
  maxCreditDays: number;
  ratePercent: string;
}

/** The country's own rate before the '*' rate, the shortest band that covers the credit days. */
export function rateFor(
  rates: readonly PremiumRate[],
  country: string,
  term: string,
  creditDays: number,
): string | undefined {
  const fits = rates
    .filter((r) => r.paymentTerm === term && creditDays <= r.maxCreditDays)
    .sort((a, b) => a.maxCreditDays - b.maxCreditDays);
  return (fits.find((r) => r.buyerCountry === country) ?? fits.find((r) => r.buyerCountry === '*'))
    ?.ratePercent;
}

/** Premium = declared invoice amount x rate (primer §9). */
export function premium(invoiceAmount: Money, ratePercent: string): Money {
  return percentOf(invoiceAmount, ratePercent);
}

/** Indemnity = the loss, capped by the buyer's credit limit, x the indemnity ratio. */
export function indemnity(loss: Money, limit: Money, ratioPercent: string): Money {
  const covered = Decimal.min(loss.amount, limit.amount);
  return percentOf({ amount: covered.toFixed(), currency: loss.currency }, ratioPercent);
}
