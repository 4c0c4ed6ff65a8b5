import type { Money } from '../../../core/model/values/money.schema';

export const FINANCING_CONNECTOR = 'financing';
export const LOAN_REPAID = 'financing.loan.repaid';

/**
 * A drawn loan repaid: by the buyer's payment of the invoices it financed, or (an advance
 * rebate payment) by the tax bureau's refund, partly when `outstanding` is above zero.
 */
export interface LoanRepaid {
  financingNo: string;
  invoiceNos: string[];
  amount: Money;
  paymentRef: string;
  rebateClaimNo?: string;
  outstanding?: Money;
}

declare module '../../../core/model/events' {
  interface NonDocumentEvents {
    [LOAN_REPAID]: LoanRepaid;
  }
}
