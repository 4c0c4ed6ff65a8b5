import type { Money } from '../../../core/model/values/money.schema';

export const FINANCING_CONNECTOR = 'financing';
export const LOAN_REPAID = 'financing.loan.repaid';

/** A drawn loan closed by the buyer's payment of the invoices it financed. */
export interface LoanRepaid {
  financingNo: string;
  invoiceNos: string[];
  amount: Money;
  paymentRef: string;
}

declare module '../../../core/model/events' {
  interface NonDocumentEvents {
    [LOAN_REPAID]: LoanRepaid;
  }
}
