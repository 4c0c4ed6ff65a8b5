import { Injectable } from '@nestjs/common';
import type { Queryable } from '../../../core/storage/queryable';
import type { DeclarationGoodsLine, LineMatch } from './rules/matching';
import type { DeclarationFacts } from './rules/readiness';
import { claimNoOf } from './rules/claims';

type Flag = 'released' | 'closed' | 'fx_collected' | 'documents_filed';

const FACTS = `declaration_no AS "declarationNo", to_char(export_date, 'YYYY-MM-DD') AS "exportDate",
  released, closed, vat_matched AS "vatMatched", fx_collected AS "fxCollected",
  documents_filed AS "documentsFiled", client_id AS "clientId", lines, matches`;

export type DeclarationRow = DeclarationFacts & {
  clientId: string;
  lines: DeclarationGoodsLine[];
  matches: LineMatch[] | null;
};

@Injectable()
export class RebateRepository {
  async putDeclaration(
    db: Queryable,
    clientId: string,
    d: {
      declarationNo: string;
      exportDate: string | null;
      invoiceNos: string[];
      lines: DeclarationGoodsLine[];
    },
  ) {
    await db.query(
      `INSERT INTO rebate_declarations (client_id, declaration_no, export_date, invoice_nos, lines)
       VALUES ($1,$2,$3,$4,$5) ON CONFLICT (client_id, declaration_no)
       DO UPDATE SET export_date = $3, invoice_nos = $4, lines = $5`,
      [clientId, d.declarationNo, d.exportDate, d.invoiceNos, JSON.stringify(d.lines)],
    );
    await db.query(
      `INSERT INTO rebate_claims (client_id, claim_no, declaration_no) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [clientId, claimNoOf(d.declarationNo), d.declarationNo],
    );
  }

  async flag(db: Queryable, clientId: string, declarationNo: string, flag: Flag) {
    await db.query(
      `UPDATE rebate_declarations SET ${flag} = true WHERE client_id = $1 AND declaration_no = $2`,
      [clientId, declarationNo],
    );
  }

  /** FX is collected for the declarations that name a paid invoice; returns their numbers. */
  async fxCollected(
    db: Queryable,
    clientId: string,
    invoiceNos: readonly string[],
  ): Promise<string[]> {
    const { rows } = await db.query<{ declarationNo: string }>(
      `UPDATE rebate_declarations SET fx_collected = true WHERE client_id = $1 AND invoice_nos && $2::text[]
       RETURNING declaration_no AS "declarationNo"`,
      [clientId, invoiceNos],
    );
    return rows.map((r) => r.declarationNo);
  }

  async setMatches(
    db: Queryable,
    clientId: string,
    declarationNo: string,
    matches: readonly LineMatch[],
  ) {
    const all = matches.every((m) => m.status === 'MATCHED');
    await db.query(
      'UPDATE rebate_declarations SET matches = $3, vat_matched = $4 WHERE client_id = $1 AND declaration_no = $2',
      [clientId, declarationNo, JSON.stringify(matches), all],
    );
  }

  async get(
    db: Queryable,
    clientId: string,
    declarationNo: string,
  ): Promise<DeclarationRow | undefined> {
    const { rows } = await db.query<DeclarationRow>(
      `SELECT ${FACTS} FROM rebate_declarations WHERE client_id = $1 AND declaration_no = $2`,
      [clientId, declarationNo],
    );
    return rows[0];
  }

  async list(db: Queryable, clientId: string | null): Promise<DeclarationRow[]> {
    const { rows } = await db.query<DeclarationRow>(
      `SELECT ${FACTS} FROM rebate_declarations WHERE $1::text IS NULL OR client_id = $1 ORDER BY export_date, declaration_no`,
      [clientId],
    );
    return rows;
  }
}
