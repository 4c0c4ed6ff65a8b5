import Decimal from 'decimal.js';
import type { CommercialInvoice } from '../../../../core/model/documents/commerce.schema';
import { shipmentDate, type Check, type Discrepancy } from './lc-types';

/**
 * Art. 28(f)(ii): the CIF or CIP value, or, when the documents do not show it, the greater of
 * the amount claimed and the gross invoice value.
 */
function cifValue(invoices: readonly CommercialInvoice[]): Decimal {
  return invoices.reduce((sum, i) => {
    const cif = ['CIF', 'CIP'].includes(i.terms?.incoterm ?? '');
    const total = new Decimal(i.totalAmount.amount);
    const value = cif ? total : Decimal.max(total, i.goodsValue.amount);
    return sum.plus(value);
  }, new Decimal(0));
}

export const insuranceChecks: Check = ({ lc, presentation: p }) => {
  const cert = p.insurance;
  if (!cert) return [];
  const out: Discrepancy[] = [];
  const issue = (code: string, article: string, message: string) =>
    out.push({ code, article, message: `insurance ${cert.certificateNo}: ${message}` });
  if (cert.insuredAmount.currency !== lc.amount.currency) {
    issue(
      'INSURANCE_CURRENCY',
      '28(f)(i)',
      `in ${cert.insuredAmount.currency}, not ${lc.amount.currency}`,
    );
  }
  const minimum = cifValue(p.invoices).times('1.1');
  if (new Decimal(cert.insuredAmount.amount).lt(minimum)) {
    issue(
      'UNDER_INSURED',
      '28(f)(ii)',
      `covers ${cert.insuredAmount.amount}, below 110% of CIF ${minimum.toFixed(2)}`,
    );
  }
  const shipped = shipmentDate(p);
  if (shipped && cert.issueDate > shipped) {
    issue(
      'INSURANCE_AFTER_SHIPMENT',
      '28(e)',
      `dated ${cert.issueDate}, after shipment on ${shipped}`,
    );
  }
  return out;
};
