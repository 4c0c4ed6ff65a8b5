import type { Account } from '../../core/model/documents/banking-common.schema';
import type { PaymentReceived } from '../../core/model/documents/banking-payment.schema';
import type { IsoAmount, IsoEntry, IsoTransactionDetails } from '../codecs/iso20022/iso20022-types';
import { referencedDocuments } from '../bank-statement/remittance-refs';
import { sumAmounts } from '../bank-statement/sum-amounts';
import { canonicalAccount, canonicalParty, isoDate, money } from './iso-canonical';

function chargesTotal(list: IsoAmount[] | undefined, currency: string) {
  const same = (list ?? []).filter((c) => c.currency === currency);
  if (!same.length) return undefined;
  return { amount: sumAmounts(same.map((c) => c.value)), currency: currency };
}

function remittance(tx: IsoTransactionDetails | undefined) {
  const structured = tx?.remittance.structured ?? [];
  const text = [...(tx?.remittance.unstructured ?? []), ...structured.map((s) => s.creditorRef)]
    .filter(Boolean)
    .join(' ');
  const docs = referencedDocuments(text);
  const invoiceNos = [
    ...new Set([...structured.flatMap((s) => s.referredDocumentNumbers), ...docs.invoiceNos]),
  ];
  return { text: text || undefined, invoiceNos, orderNos: docs.orderNos, lcNo: docs.lcNo };
}

/** One credit of a camt.054 (or camt.053) entry -> PaymentReceived; undefined for debits. */
export function paymentOf(
  entry: IsoEntry,
  tx: IsoTransactionDetails | undefined,
  account: Account,
  fallbackRef: string,
  fallbackDate: string,
): PaymentReceived | undefined {
  const side = tx?.creditDebit ?? entry.creditDebit;
  if (side !== 'CRDT' || entry.reversal) return undefined;
  const xpath = tx?.xpath ?? entry.xpath;
  const amount = money(tx?.amount ?? entry.amount, xpath);
  const rem = remittance(tx);
  const e2e = tx?.refs.endToEndId;
  const payment: PaymentReceived = {
    paymentRef:
      tx?.refs.accountServicerRef ?? entry.accountServicerRef ?? entry.ref ?? e2e ?? fallbackRef,
    valueDate: isoDate(entry.valueDate) ?? isoDate(entry.bookingDate) ?? fallbackDate,
    amount,
    account,
  };
  const optional: Partial<PaymentReceived> = {
    charges: chargesTotal(tx?.charges ?? entry.charges, amount.currency),
    instructedAmount: tx?.instructedAmount && money(tx.instructedAmount, xpath),
    exchangeRate: tx?.exchange?.rate,
    payer: canonicalParty(tx?.parties.ultimateDebtor ?? tx?.parties.debtor),
    payerAccount: canonicalAccount(tx?.parties.debtorAccount),
    payerBankBic: tx?.debtorAgentBic,
    endToEndId: e2e && e2e !== 'NOTPROVIDED' ? e2e : undefined,
    uetr: tx?.refs.uetr?.toLowerCase(),
    remittanceInfo: rem.text,
    invoiceNos: rem.invoiceNos.length ? rem.invoiceNos : undefined,
    orderNos: rem.orderNos.length ? rem.orderNos : undefined,
    lcNo: rem.lcNo,
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) Object.assign(payment, { [key]: value });
  return payment;
}
