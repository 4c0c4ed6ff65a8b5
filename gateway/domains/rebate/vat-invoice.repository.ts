import { Injectable } from '@nestjs/common';
import type { VatInvoice } from '../../../core/model/documents/rebate.schema';
import type { Queryable } from '../../../core/storage/queryable';

/** Purchase VAT invoices taken in through intake (a connector's mapping), per client. */
@Injectable()
export class VatInvoiceRepository {
  /** A re-sent invoice replaces the stored one (a corrected export of the same number). */
  async put(db: Queryable, clientId: string, invoice: VatInvoice) {
    await db.query(
      `INSERT INTO rebate_vat_invoices (client_id, invoice_no, issue_date, invoice) VALUES ($1,$2,$3,$4)
       ON CONFLICT (client_id, invoice_no) DO UPDATE SET issue_date = $3, invoice = $4`,
      [clientId, invoice.invoiceNo, invoice.issueDate, invoice],
    );
  }

  async get(db: Queryable, clientId: string, invoiceNos: readonly string[]): Promise<VatInvoice[]> {
    const { rows } = await db.query<{ invoice: VatInvoice }>(
      'SELECT invoice FROM rebate_vat_invoices WHERE client_id = $1 AND invoice_no = ANY($2::text[])',
      [clientId, invoiceNos],
    );
    return rows.map((r) => r.invoice);
  }

  async list(db: Queryable, clientId: string | null) {
    const { rows } = await db.query<{ clientId: string; invoice: VatInvoice }>(
      `SELECT client_id AS "clientId", invoice FROM rebate_vat_invoices
        WHERE $1::text IS NULL OR client_id = $1 ORDER BY issue_date, invoice_no`,
      [clientId],
    );
    return rows.map((r) => ({ clientId: r.clientId, ...r.invoice }));
  }
}
