import Decimal from 'decimal.js';
import type { BillOfLading } from '../../../../core/model/documents/logistics-document.schema';
import type { CertificateOfOrigin } from '../../../../core/model/documents/customs-origin.schema';
import type {
  CommercialInvoice,
  PackingList,
} from '../../../../core/model/documents/commerce.schema';
import type { LetterOfCredit } from '../../../../core/model/documents/banking-lc.schema';
import type { Money } from '../../../../core/model/values/money.schema';
import type { Quantity } from '../../../../core/model/values/quantity.schema';

/**
 * The canonical model has no insurance document yet: the certificate's facts UCP 600 Art. 28
 * looks at.
 */
export interface InsuranceCertificate {
  certificateNo: string;
  issueDate: string;
  insuredAmount: Money;
}

/** The goods terms of 45A the bank checks quantities against (the credit states them in text). */
export interface CreditGoodsTerms {
  quantity?: Quantity;
  /** "about"/"approximately" before the quantity (Art. 30(a)); read from 45A when absent. */
  aboutQuantity?: boolean;
  /** "about" before the credit amount (Art. 30(a)). */
  aboutAmount?: boolean;
}

export interface Presentation {
  presentedOn: string;
  /** Where the documents are presented; Art. 6(d)(ii) compares it with the place of expiry. */
  place?: string;
  invoices: CommercialInvoice[];
  billsOfLading: BillOfLading[];
  packingList?: PackingList;
  insurance?: InsuranceCertificate;
  certificateOfOrigin?: CertificateOfOrigin;
}

export interface Discrepancy {
  code: string;
  /** UCP 600 article, e.g. "14(c)". */
  article: string;
  /** MT700 field the term comes from, when one does. */
  field?: string;
  message: string;
}

export interface LcCheckInput {
  lc: LetterOfCredit;
  goods?: CreditGoodsTerms;
  presentation: Presentation;
}

export type Check = (input: LcCheckInput) => Discrepancy[];

export const norm = (s: string): string => s.toUpperCase().replace(/\s+/g, ' ').trim();

/** The latest dated on-board notation is the date of shipment (Art. 20(a)(ii), 31(b)). */
export function shipmentDate(p: Presentation): string | undefined {
  const dates = p.billsOfLading.flatMap((b) =>
    b.shippedOnBoardDate ? [b.shippedOnBoardDate] : [],
  );
  return dates.sort().at(-1);
}

export const sumInvoices = (p: Presentation): Decimal =>
  p.invoices.reduce((sum, i) => sum.plus(i.totalAmount.amount), new Decimal(0));
