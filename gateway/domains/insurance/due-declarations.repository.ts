import { Injectable } from '@nestjs/common';
import type { Envelope } from '../../../core/envelope/envelope';
import type { InsuranceShipmentDeclaration } from '../../../core/model/documents/insurance.schema';
import type { Queryable } from '../../../core/storage/queryable';

/** What the event the declaration is filed under needs of the B/L envelope that caused it. */
export type DeclarationCause = Pick<Envelope, 'id' | 'correlationId' | 'source'>;

export interface DueDeclaration {
  clientId: string;
  invoiceNo: string;
  deadline: string;
  declaration: InsuranceShipmentDeclaration;
  cause: DeclarationCause;
}

/**
 * Shipment declarations recorded when the goods are on board and sent by the scheduled run:
 * `sent_at` stays NULL until Sinosure has accepted the declaration.
 */
@Injectable()
export class DueDeclarationsRepository {
  async insertDue(
    db: Queryable,
    clientId: string,
    d: {
      declaration: InsuranceShipmentDeclaration & { blNo: string };
      onBoardDate: string;
      deadline: string;
      cause: DeclarationCause;
    },
  ) {
    await db.query(
      `INSERT INTO insurance_declarations (client_id, invoice_no, bl_no, policy_no, on_board_date, deadline, declaration, due_date, cause)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (client_id, invoice_no) DO NOTHING`,
      [
        clientId,
        d.declaration.invoiceNo,
        d.declaration.blNo,
        d.declaration.policyNo,
        d.onBoardDate,
        d.deadline,
        d.declaration,
        d.declaration.dueDate,
        d.cause,
      ],
    );
  }

  /** Every declaration not sent yet, the nearest deadline first. */
  async due(db: Queryable): Promise<Array<Pick<DueDeclaration, 'clientId' | 'invoiceNo'>>> {
    const { rows } = await db.query<Pick<DueDeclaration, 'clientId' | 'invoiceNo'>>(
      `SELECT client_id AS "clientId", invoice_no AS "invoiceNo" FROM insurance_declarations
        WHERE sent_at IS NULL ORDER BY deadline, client_id, invoice_no`,
    );
    return rows;
  }

  /** Locks one unsent declaration; undefined when sent meanwhile or another run holds it. */
  async lockDue(
    db: Queryable,
    clientId: string,
    invoiceNo: string,
  ): Promise<DueDeclaration | undefined> {
    const { rows } = await db.query<DueDeclaration>(
      `SELECT client_id AS "clientId", invoice_no AS "invoiceNo", to_char(deadline, 'YYYY-MM-DD') AS deadline,
          declaration, cause
         FROM insurance_declarations WHERE client_id = $1 AND invoice_no = $2 AND sent_at IS NULL
         FOR UPDATE SKIP LOCKED`,
      [clientId, invoiceNo],
    );
    return rows[0];
  }

  async markSent(
    db: Queryable,
    clientId: string,
    declaration: InsuranceShipmentDeclaration,
    sentAt: Date,
  ) {
    await db.query(
      `UPDATE insurance_declarations SET declaration = $3, declaration_ref = $4, sent_at = $5
        WHERE client_id = $1 AND invoice_no = $2`,
      [clientId, declaration.invoiceNo, declaration, declaration.declarationRef ?? null, sentAt],
    );
  }
}
