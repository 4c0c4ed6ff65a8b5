import Decimal from 'decimal.js';
import type { LetterOfCredit } from '../../../../core/model/documents/banking-lc.schema';
import type { Money } from '../../../../core/model/values/money.schema';
import { outcome, percentOf, type FinancingOutcome, type Reason } from './decision';

/** Clauses that leave payment to the applicant's will make a credit unfit to lend against. */
const SOFT_CLAUSE =
  /APPLICANT'?S? (APPROVAL|CONSENT)|SIGNED BY (THE )?APPLICANT|SUBJECT TO .*APPROVAL/;

export interface PackingLoanRequest {
  lc: LetterOfCredit;
  requestedOn: string;
  /** Primer §7: up to 70-80% of the credit. */
  maxRatePercent: string;
  /** Packing loans already drawn against the same credit. */
  drawn: Money;
}

/** Packing loan (打包贷款): pre-shipment finance against a confirmed credit. */
export function decidePackingLoan(r: PackingLoanRequest): FinancingOutcome {
  const { lc } = r;
  const reasons: Reason[] = [];
  if (lc.confirmation !== 'CONFIRM') {
    reasons.push({
      code: 'LC_NOT_CONFIRMED',
      message: `credit ${lc.lcNo} is not confirmed (49: ${lc.confirmation})`,
    });
  }
  if (r.requestedOn > lc.expiryDate)
    reasons.push({ code: 'LC_EXPIRED', message: `credit expired ${lc.expiryDate}` });
  if (lc.latestShipmentDate && r.requestedOn > lc.latestShipmentDate) {
    reasons.push({
      code: 'SHIPMENT_DATE_PASSED',
      message: `latest shipment date ${lc.latestShipmentDate} has passed`,
    });
  }
  const soft = (lc.additionalConditions ?? []).find((c) => SOFT_CLAUSE.test(c.toUpperCase()));
  if (soft) reasons.push({ code: 'SOFT_CLAUSE', message: `47A: "${soft}"` });
  const ceiling = percentOf(lc.amount, r.maxRatePercent);
  const free = new Decimal(ceiling.amount).minus(r.drawn.amount);
  if (free.lte(0))
    reasons.push({
      code: 'LC_FULLY_DRAWN',
      message: `${ceiling.currency} ${ceiling.amount} already lent`,
    });
  return outcome(reasons, { amount: free.toFixed(2), currency: ceiling.currency });
}

/** A core enterprise's approved payable to its supplier (reverse factoring). */
export interface ApprovedPayable {
  payableNo: string;
  coreEnterprise: string;
  amount: Money;
  approved: boolean;
  dueDate: string;
}

export interface CoreEnterpriseLimit {
  limit: Money;
  used: Money;
  /** Up to 100% of the payable (primer §7). */
  financingRatePercent: string;
}

/** Supply chain finance of a supplier's invoice within the core enterprise's limit. */
export function decideSupplyChain(
  p: ApprovedPayable,
  l: CoreEnterpriseLimit,
  today: string,
): FinancingOutcome {
  const reasons: Reason[] = [];
  if (!p.approved)
    reasons.push({
      code: 'PAYABLE_NOT_APPROVED',
      message: `${p.coreEnterprise} has not approved ${p.payableNo}`,
    });
  if (p.dueDate <= today)
    reasons.push({ code: 'PAYABLE_DUE', message: `payable due ${p.dueDate}` });
  const amount = percentOf(p.amount, l.financingRatePercent);
  const free = new Decimal(l.limit.amount).minus(l.used.amount);
  if (l.limit.currency !== amount.currency || free.lt(amount.amount)) {
    reasons.push({
      code: 'CORE_LIMIT_EXCEEDED',
      message: `${l.limit.currency} ${free.toFixed(2)} free under ${p.coreEnterprise}'s limit, ${amount.currency} ${amount.amount} asked`,
    });
  }
  return outcome(reasons, amount);
}
