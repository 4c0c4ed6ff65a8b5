import type { Migration } from '../../../core/storage/migration';

/** Loans drawn (from financing decisions) and their repayment from the buyer's payment. */
const financing: Migration = {
  id: '0600-financing',
  sql: /* sql */ `
CREATE TABLE financing_loans (
  client_id     text NOT NULL,
  financing_no  text NOT NULL,
  invoice_nos   text[] NOT NULL DEFAULT '{}',
  amount        numeric NOT NULL,
  currency      text NOT NULL,
  fee_percent   text,
  drawn_on      date,
  maturity_date date,
  status        text NOT NULL,
  repaid_at     timestamptz,
  decision      jsonb NOT NULL,
  PRIMARY KEY (client_id, financing_no)
);
CREATE INDEX financing_loans_invoices ON financing_loans USING gin (invoice_nos);
`,
};

/**
 * Advance rebate payments are loans on a rebate claim: one per claim (a second request is
 * refused), repaid from the tax bureau's refund, partly when the refund falls short.
 */
const rebateAdvances: Migration = {
  id: '0601-financing-rebate-advances',
  sql: /* sql */ `
ALTER TABLE financing_loans
  ADD COLUMN rebate_claim_no text,
  ADD COLUMN outstanding numeric,
  ADD COLUMN refund_applied_at timestamptz;
CREATE UNIQUE INDEX financing_loans_rebate_claim ON financing_loans (client_id, rebate_claim_no)
  WHERE rebate_claim_no IS NOT NULL;
`,
};

export const financingMigrations: readonly Migration[] = [financing, rebateAdvances];
