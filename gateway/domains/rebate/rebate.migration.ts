import type { Migration } from '../../../core/storage/migration';

/** Export declarations on their way to a rebate claim, and the VAT invoice lines matched to them. */
const rebate: Migration = {
  id: '0650-rebate',
  sql: /* sql */ `
CREATE TABLE rebate_declarations (
  client_id        text NOT NULL,
  declaration_no   text NOT NULL,
  export_date      date,
  invoice_nos      text[] NOT NULL DEFAULT '{}',
  lines            jsonb NOT NULL,
  released         boolean NOT NULL DEFAULT false,
  closed           boolean NOT NULL DEFAULT false,
  vat_matched      boolean NOT NULL DEFAULT false,
  fx_collected     boolean NOT NULL DEFAULT false,
  documents_filed  boolean NOT NULL DEFAULT false,
  matches          jsonb,
  PRIMARY KEY (client_id, declaration_no)
);
CREATE INDEX rebate_declarations_invoices ON rebate_declarations USING gin (invoice_nos);
`,
};

/** Purchase VAT invoices as intake took them in (canonical VatInvoice). */
const vatInvoices: Migration = {
  id: '0651-rebate-vat-invoices',
  sql: /* sql */ `
CREATE TABLE rebate_vat_invoices (
  client_id   text NOT NULL,
  invoice_no  text NOT NULL,
  issue_date  date NOT NULL,
  invoice     jsonb NOT NULL,
  PRIMARY KEY (client_id, invoice_no)
);
`,
};

/**
 * One claim per declaration (claimNo RB-<declarationNo>), ready once every piece is in, and
 * the tax bureau's refund recorded on it; cycle days run from export to refund date.
 */
const claims: Migration = {
  id: '0652-rebate-claims',
  sql: /* sql */ `
CREATE TABLE rebate_claims (
  client_id        text NOT NULL,
  claim_no         text NOT NULL,
  declaration_no   text NOT NULL,
  ready_at         timestamptz,
  expected_refund  numeric,
  currency         text,
  refund_amount    numeric,
  refund_date      date,
  refund_reference text,
  PRIMARY KEY (client_id, claim_no),
  UNIQUE (client_id, declaration_no)
);
INSERT INTO rebate_claims (client_id, claim_no, declaration_no)
  SELECT client_id, 'RB-' || declaration_no, declaration_no FROM rebate_declarations;
`,
};

export const rebateMigrations: readonly Migration[] = [rebate, vatInvoices, claims];
