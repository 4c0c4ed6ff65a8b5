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

export const financingMigrations: readonly Migration[] = [financing];
