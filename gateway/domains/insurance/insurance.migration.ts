import type { Migration } from '../../../core/storage/migration';

/** Policies, insured invoices, buyer limits and shipment declarations to the insurer. */
const insurance: Migration = {
  id: '0700-insurance',
  sql: /* sql */ `
CREATE TABLE insurance_policies (
  client_id   text NOT NULL,
  policy_no   text NOT NULL,
  policy      jsonb NOT NULL,
  PRIMARY KEY (client_id, policy_no)
);

-- Invoices as issued: what a shipment declaration declares.
CREATE TABLE insurance_invoices (
  client_id     text NOT NULL,
  invoice_no    text NOT NULL,
  buyer_name    text NOT NULL,
  buyer_country text,
  amount        numeric NOT NULL,
  currency      text NOT NULL,
  payment_term  text NOT NULL,
  credit_days   int NOT NULL,
  PRIMARY KEY (client_id, invoice_no)
);

CREATE TABLE insurance_limits (
  client_id   text NOT NULL,
  buyer_name  text NOT NULL,
  policy_no   text NOT NULL,
  buyer_code  text NOT NULL,
  status      text NOT NULL,
  approved    numeric NOT NULL,
  used        numeric NOT NULL DEFAULT 0,
  currency    text NOT NULL,
  PRIMARY KEY (client_id, buyer_name)
);

CREATE TABLE insurance_declarations (
  client_id        text NOT NULL,
  invoice_no       text NOT NULL,
  bl_no            text NOT NULL,
  policy_no        text NOT NULL,
  on_board_date    date NOT NULL,
  deadline         date NOT NULL,
  declaration      jsonb NOT NULL,
  declaration_ref  text,
  sent_at          timestamptz NOT NULL DEFAULT now(),
  due_date         date NOT NULL,
  paid_at          timestamptz,
  loss_notice_no   text,
  PRIMARY KEY (client_id, invoice_no)
);
`,
};

/**
 * Declarations are recorded as due when the goods are on board and sent by the scheduled run
 * (sent_at NULL until then; the cause keeps the B/L envelope the declaration is filed under);
 * limit applications are tracked by Sinosure's application number; claims with their ratio.
 */
const schedule: Migration = {
  id: '0701-insurance-schedule',
  sql: /* sql */ `
ALTER TABLE insurance_declarations ALTER COLUMN sent_at DROP NOT NULL, ALTER COLUMN sent_at DROP DEFAULT;
ALTER TABLE insurance_declarations ADD COLUMN cause jsonb;
CREATE INDEX insurance_declarations_due ON insurance_declarations (deadline) WHERE sent_at IS NULL;

ALTER TABLE insurance_limits ADD COLUMN application_no text;
ALTER TABLE insurance_limits ADD COLUMN requested jsonb;
CREATE UNIQUE INDEX insurance_limits_application ON insurance_limits (application_no);

CREATE TABLE insurance_claims (
  client_id        text NOT NULL,
  claim_no         text NOT NULL,
  policy_no        text NOT NULL,
  notice_no        text NOT NULL,
  invoice_nos      text[] NOT NULL,
  claimed          numeric NOT NULL,
  currency         text NOT NULL,
  indemnity_ratio  text NOT NULL,
  indemnity        numeric NOT NULL,
  stage            text NOT NULL,
  filed_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, claim_no),
  UNIQUE (client_id, notice_no)
);
`,
};

/** Sinosure's monthly premium bill per policy and period, with its reconciliation. */
const premiumBills: Migration = {
  id: '0702-insurance-premium-bills',
  sql: /* sql */ `
CREATE TABLE insurance_premium_bills (
  client_id       text NOT NULL,
  policy_no       text NOT NULL,
  period          text NOT NULL,
  bill_no         text NOT NULL,
  bill            jsonb NOT NULL,
  reconciliation  jsonb NOT NULL,
  flagged         boolean NOT NULL,
  fetched_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, policy_no, period)
);
`,
};

/**
 * A premium bill's payment: billed -> paid, by a bank debit that names the bill (statement) or
 * an operator's entry.
 */
const premiumBillPayments: Migration = {
  id: '0703-insurance-premium-bill-payments',
  sql: /* sql */ `
ALTER TABLE insurance_premium_bills
  ADD COLUMN state        text NOT NULL DEFAULT 'BILLED',
  ADD COLUMN paid_at      text,
  ADD COLUMN paid_amount  jsonb,
  ADD COLUMN payment_ref  text,
  ADD COLUMN paid_by      text;
CREATE INDEX insurance_premium_bills_no ON insurance_premium_bills (bill_no);
`,
};

export const insuranceMigrations: readonly Migration[] = [
  insurance,
  schedule,
  premiumBills,
  premiumBillPayments,
];
