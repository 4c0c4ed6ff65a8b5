import type { EcommercePayment } from '../../core/model/documents/customs-ecommerce.schema';
import { defined, enterprise, person, type CebFields } from './ceb-fields';
import { cebDocument, cebFilingMapping, type CebDocument } from './ceb-records';

/** CEB403 Receipts (flat): the seller's receipt of payment for an export order. */
function exportReceipt(r: CebFields): CebDocument {
  const currency = r.currency('currency');
  const payload: EcommercePayment = defined({
    filing: r.filing(),
    direction: 'EXPORT' as const,
    orderNo: r.need('orderNo'),
    paymentNo: r.opt('payNo'),
    platform: r.party('ebpCode', 'ebpName'),
    seller: r.party('ebcCode', 'ebcName'),
    paymentProvider: enterprise(r.opt('payCode') ?? '', r.need('payName')),
    amount: r.money('charge', currency),
    paidAt: r.time('accountingDate'),
    remarks: r.opt('note'),
  });
  return cebDocument('EcommercePayment', payload, payload.paidAt);
}

/** CEB411 Payment/PaymentHead: the payment company's record of an import order's payment. */
function importPayment(payment: CebFields): CebDocument {
  const h = payment.block('PaymentHead');
  const currency = h.currency('currency');
  const payload: EcommercePayment = defined({
    filing: h.filing(),
    direction: 'IMPORT' as const,
    orderNo: h.need('orderNo'),
    paymentNo: h.need('payTransactionId'),
    platform: h.party('ebpCode', 'ebpName'),
    paymentProvider: h.party('payCode', 'payName'),
    payer: person(h.need('payerName'), h.opt('telephone')),
    amount: h.money('amountPaid', currency),
    paidAt: h.time('payTime'),
    remarks: h.opt('note'),
  });
  return cebDocument('EcommercePayment', payload, payload.paidAt);
}

/**
 * CEB403 (export receipt of payment) and CEB411 (import payment slip) -> EcommercePayment, one
 * per Receipts / Payment element. Platforms get these as copies from their payment companies.
 */
export const cebPaymentMapping = cebFilingMapping(
  'cn-customs-payment',
  { CEB403: 'Receipts', CEB411: 'Payment' },
  (fields, type) => (type === 'CEB403' ? exportReceipt(fields) : importPayment(fields)),
);
