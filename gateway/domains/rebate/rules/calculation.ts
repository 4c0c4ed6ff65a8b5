import Decimal from 'decimal.js';
import type { Money } from '../../../../core/model/values/money.schema';
import type { LineMatch } from './matching';
import { rebateRate, type RateRow } from './rate-table';

const cny = (d: Decimal): Money => ({
  amount: d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
  currency: 'CNY',
});

export interface LineRebate {
  declarationNo: string;
  lineNo: number;
  hsCode: string;
  ratePercent?: string;
  /** Invoice amount excluding VAT matched to the line. */
  basis: Money;
  refund: Money;
}

/** Trading firm (免退): refund = matched invoice amount excluding VAT x rebate rate, per line. */
export function traderRebate(
  matches: readonly LineMatch[],
  rates: readonly RateRow[],
): LineRebate[] {
  return matches.map(({ line, allocations }) => {
    const basis = allocations.reduce((s, a) => s.plus(a.amount.amount), new Decimal(0));
    const ratePercent = rebateRate(rates, line.hsCode, line.exportDate);
    const refund = ratePercent ? basis.times(ratePercent).div(100) : new Decimal(0);
    return {
      declarationNo: line.declarationNo,
      lineNo: line.lineNo,
      hsCode: line.hsCode,
      ratePercent,
      basis: cny(basis),
      refund: cny(refund),
    };
  });
}

/** A manufacturer's period figures, CNY (primer §8). */
export interface ManufacturerPeriod {
  /** FOB of the period's exports x FX rate. */
  exportFobCny: string;
  vatRatePercent: string;
  refundRatePercent: string;
  /** Duty-free (bonded) imported materials used in the exports. */
  bondedMaterialsCny: string;
  domesticOutputVat: string;
  inputVat: string;
  priorCredit: string;
}

export interface ExemptCreditRefund {
  nonCreditable: Money;
  taxPayable: Money;
  periodEndCredit: Money;
  ceiling: Money;
  refund: Money;
  exemptCredit: Money;
}

/** Manufacturer (免抵退): exemption, credit, then refund up to the period-end credit. */
export function exemptCreditRefund(p: ManufacturerPeriod): ExemptCreditRefund {
  const gap = new Decimal(p.vatRatePercent).minus(p.refundRatePercent).div(100);
  const rate = new Decimal(p.refundRatePercent).div(100);
  const nonCreditable = new Decimal(p.exportFobCny).minus(p.bondedMaterialsCny).times(gap);
  const payable = new Decimal(p.domesticOutputVat)
    .minus(new Decimal(p.inputVat).minus(nonCreditable))
    .minus(p.priorCredit);
  const credit = Decimal.max(0, payable.negated());
  const ceiling = new Decimal(p.exportFobCny).minus(p.bondedMaterialsCny).times(rate);
  const refund = Decimal.min(credit, ceiling);
  return {
    nonCreditable: cny(nonCreditable),
    taxPayable: cny(payable),
    periodEndCredit: cny(credit),
    ceiling: cny(ceiling),
    refund: cny(refund),
    exemptCredit: cny(ceiling.minus(refund)),
  };
}
