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

export const insuranceMigrations: readonly Migration[] = [insurance];
