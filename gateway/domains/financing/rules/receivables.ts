import Decimal from 'decimal.js';
import type { Money } from '../../../../core/model/values/money.schema';
import { outcome, percentOf, type FinancingOutcome, type Reason } from './decision';

export type BuyerRisk = 'LOW' | 'MEDIUM' | 'HIGH';

/** One row of the configured fee grid: tenors up to `maxTenorDays` for a risk grade. */
export interface FeeBand {
  maxTenorDays: number;
  risk: BuyerRisk;
  feePercent: string;
}

export interface ReceivablesPolicy {
  /** Primer §7: 70-90% of the invoice. */
  advanceRatePercent: string;
  /** 1% to 3% of the invoice value by tenor and risk (issue 15). */
  feeGrid: readonly FeeBand[];
  /** Sinosure-backed products finance only buyers with an approved credit limit. */
  requireInsuredBuyer: boolean;
}

/** What the platform knows about the export order the request rests on. */
export interface ReceivableFacts {
  invoiceValue: Money;
  tenorDays: number;
  buyerRisk: BuyerRisk;
  declaration?: { declarationNo: string; released: boolean };
  billOfLading?: { blNo: string; shippedOnBoardDate?: string };
  /** The buyer's approved credit limit and what of it is still free. */
  buyerLimit?: { policyNo: string; available: Money };
}

const FEE_MIN = new Decimal(1);
const FEE_MAX = new Decimal(3);

/** Refuses a configuration outside the 1-3% the platform offers, at start-up, not per request. */
export function checkPolicy(policy: Pick<ReceivablesPolicy, 'feeGrid'>): void {
  for (const band of policy.feeGrid) {
    const fee = new Decimal(band.feePercent);
    if (fee.lt(FEE_MIN) || fee.gt(FEE_MAX)) {
      throw new Error(
        `fee ${band.feePercent}% for ${band.risk} up to ${band.maxTenorDays} days is outside 1-3%`,
      );
    }
  }
}

export function feeFor(
  policy: Pick<ReceivablesPolicy, 'feeGrid'>,
  tenorDays: number,
  risk: BuyerRisk,
): string | undefined {
  return [...policy.feeGrid]
    .sort((a, b) => a.maxTenorDays - b.maxTenorDays)
    .find((b) => b.risk === risk && tenorDays <= b.maxTenorDays)?.feePercent;
}

function documentReasons(f: ReceivableFacts): Reason[] {
  const out: Reason[] = [];
  if (!f.declaration) {
    out.push({ code: 'NO_DECLARATION', message: 'no customs declaration for the order' });
  } else if (!f.declaration.released) {
    out.push({
      code: 'DECLARATION_NOT_RELEASED',
      message: `declaration ${f.declaration.declarationNo} is not released`,
    });
  }
  if (!f.billOfLading) {
    out.push({ code: 'NO_BILL_OF_LADING', message: 'no bill of lading for the order' });
  } else if (!f.billOfLading.shippedOnBoardDate) {
    out.push({ code: 'NOT_ON_BOARD', message: `B/L ${f.billOfLading.blNo} has no on-board date` });
  }
  return out;
}

function insuranceReasons(f: ReceivableFacts, policy: ReceivablesPolicy): Reason[] {
  if (!policy.requireInsuredBuyer) return [];
  if (!f.buyerLimit)
    return [{ code: 'BUYER_NOT_INSURED', message: 'the buyer has no approved credit limit' }];
  const { available } = f.buyerLimit;
  if (
    available.currency === f.invoiceValue.currency &&
    new Decimal(available.amount).gte(f.invoiceValue.amount)
  )
    return [];
  return [
    {
      code: 'CREDIT_LIMIT_EXCEEDED',
      message: `${available.currency} ${available.amount} of the limit is free, the invoice is ${f.invoiceValue.currency} ${f.invoiceValue.amount}`,
    },
  ];
}

/** Receivables financing of an export order: eligible with reasons, advance and fee. */
export function decideReceivables(f: ReceivableFacts, policy: ReceivablesPolicy): FinancingOutcome {
  const feePercent = feeFor(policy, f.tenorDays, f.buyerRisk);
  const reasons = [...documentReasons(f), ...insuranceReasons(f, policy)];
  if (!feePercent) {
    reasons.push({
      code: 'TENOR_NOT_PRICED',
      message: `no fee for ${f.buyerRisk} risk at ${f.tenorDays} days`,
    });
  }
  const advance = percentOf(f.invoiceValue, policy.advanceRatePercent);
  return outcome(
    reasons,
    advance,
    feePercent ? percentOf(f.invoiceValue, feePercent) : undefined,
    feePercent,
  );
}
