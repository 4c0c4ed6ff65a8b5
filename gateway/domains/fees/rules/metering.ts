import type { Money } from '../../../../core/model/values/money.schema';
import { percentOf } from '../../percent';

/** What the platform charges for (issue 15: per-order fees, commissions, margins). */
export type FeeService =
  | 'CLEARANCE'
  | 'LOGISTICS'
  | 'REBATE_AGENCY'
  | 'FINANCING_COMMISSION'
  | 'FX_MARGIN'
  | 'FREIGHT_MARGIN';

/** The services whose fee is a margin the events carry (bought vs sold), not a price. */
export const MARGIN_SERVICES = ['FX_MARGIN', 'FREIGHT_MARGIN'] as const;

/**
 * A client's price for one service: a fixed fee per order, a percent of the amount, or (FX and
 * freight) the margin itself: what the platform sold for less what it bought for.
 */
export type FeeRule =
  | { service: FeeService; kind: 'PER_ORDER'; fee: Money }
  | { service: FeeService; kind: 'PERCENT'; percent: string }
  | { service: (typeof MARGIN_SERVICES)[number]; kind: 'MARGIN' };

/** A billable fact read from a canonical event: the service, its reference and the base amount. */
export interface Billable {
  service: FeeService;
  ref: string;
  occurredAt: string;
  /** The amount a percent rule applies to (loan drawn, FX delivered). */
  base?: Money;
  /** A margin earned (sold - bought): metered as it is, and only under a MARGIN rule. */
  margin?: Money;
  /** How the margin was worked out, for the statement. */
  basis?: string;
}

export interface MeteredFee {
  service: FeeService;
  ref: string;
  occurredAt: string;
  fee: Money;
  basis: string;
}

/** Prices a billable fact under the client's schedule; unpriced services are not metered. */
export function meter(b: Billable, schedule: readonly FeeRule[]): MeteredFee | undefined {
  const rule = schedule.find((r) => r.service === b.service);
  if (!rule) return undefined;
  // A margin and a price of the same service never both meter one delivery.
  if ((rule.kind === 'MARGIN') !== (b.margin !== undefined)) return undefined;
  if (rule.kind === 'MARGIN') return { ...pick(b), fee: b.margin!, basis: b.basis ?? 'margin' };
  if (rule.kind === 'PER_ORDER') return { ...pick(b), fee: rule.fee, basis: 'per order' };
  if (!b.base) return undefined;
  return {
    ...pick(b),
    fee: percentOf(b.base, rule.percent),
    basis: `${rule.percent}% of ${b.base.currency} ${b.base.amount}`,
  };
}

const pick = (b: Billable) => ({ service: b.service, ref: b.ref, occurredAt: b.occurredAt });
