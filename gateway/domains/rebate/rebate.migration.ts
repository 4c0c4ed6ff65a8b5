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

export const rebateMigrations: readonly Migration[] = [rebate, vatInvoices];
