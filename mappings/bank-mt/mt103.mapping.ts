import type { PaymentReceived } from '../../core/model/documents/banking-payment.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import type { MtMessage } from '../codecs/swift-mt';
import { partyOf } from './mt-party';
import { endToEndRef, fieldsOf, firstOf, parsedOf, requiredOf } from './mt-read';
import { referencedDocuments } from '../bank-statement/remittance-refs';
import { sumAmounts } from '../bank-statement/sum-amounts';

interface Amount {
  currency: string;
  amount: string;
}

/** :71F: sender's charges in the settlement currency, deducted before the credit reached us. */
function chargesOf(msg: MtMessage, currency: string, warnings: string[]) {
  const fields = fieldsOf(msg, '71F');
  const same = fields.map((f) => parsedOf<Amount>(f)).filter((c) => c.currency === currency);
  if (same.length < fields.length)
    warnings.push(`:71F: charges in another currency than ${currency} are not deducted`);
  if (!same.length) return undefined;
  return { amount: sumAmounts(same.map((c) => c.amount)), currency: currency };
}

function uetrOf(msg: MtMessage): string | undefined {
  const value = msg.block3?.find((t) => t.tag === '121')?.value;
  return value &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(value)
    ? value.toLowerCase()
    : undefined;
}

/** MT103 single customer credit transfer, as the beneficiary's bank advises it -> PaymentReceived. */
export const mt103Mapping: InboundMapping<MtMessage> = {
  id: 'swift-mt103-credit',
  format: 'swift-mt',
  messageTypes: ['MT103'],
  toCanonical(message): MappingResult {
    const msg = message.tree;
    const warnings: string[] = [];
    const ref = requiredOf(msg, "sender's reference", '20');
    const settled = parsedOf<Amount & { valueDate: string }>(
      requiredOf(msg, 'value date, currency and amount', '32A'),
    );
    const payer = partyOf(firstOf(msg, '50K', '50A', '50F', '50'));
    const beneficiary = partyOf(requiredOf(msg, 'beneficiary customer', '59', '59A', '59F'));
    if (!beneficiary.account)
      warnings.push(':59a: names no beneficiary account; the account is the message receiver');
    const remittance = firstOf(msg, '70');
    const remittanceInfo = remittance?.value.replace(/\n/g, ' ').trim();
    const orderingBank = firstOf(msg, '52A');
    const docs = referencedDocuments(remittanceInfo);
    const payment: PaymentReceived = {
      paymentRef: ref.value,
      valueDate: settled.valueDate,
      amount: { amount: settled.amount, currency: settled.currency },
      account: beneficiary.account ?? { number: msg.block2?.counterpartAddress ?? 'UNKNOWN' },
      channel: 'SWIFT',
    };
    const charges = chargesOf(msg, settled.currency, warnings);
    if (charges) payment.charges = charges;
    if (payer.party) payment.payer = payer.party;
    if (payer.account) payment.payerAccount = payer.account;
    const payerBic = payer.bic ?? (orderingBank && parsedOf<{ bic: string }>(orderingBank).bic);
    if (payerBic) payment.payerBankBic = payerBic;
    const uetr = uetrOf(msg);
    if (uetr) payment.uetr = uetr;
    const e2e = endToEndRef(remittanceInfo);
    if (e2e) payment.endToEndId = e2e;
    if (remittanceInfo) payment.remittanceInfo = remittanceInfo;
    if (docs.invoiceNos.length) payment.invoiceNos = docs.invoiceNos;
    if (docs.orderNos.length) payment.orderNos = docs.orderNos;
    if (docs.lcNo) payment.lcNo = docs.lcNo;
    return {
      documents: [
        {
          documentType: 'PaymentReceived',
          eventType: 'settlement.payment.received',
          payload: payment,
          occurredAt: `${payment.valueDate}T00:00:00Z`,
        },
      ],
      warnings,
    };
  },
};
