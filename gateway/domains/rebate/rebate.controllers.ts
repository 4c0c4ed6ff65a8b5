import { Body, Controller, Get, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { ChinaHsCodeSchema } from '../../../core/model/values/hs-code';
import { DecimalStringSchema } from '../../../core/model/values/decimal.schema';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { Guarded } from '../../http/openapi';
import { ApiZodBody } from '../../http/zod-openapi';
import type { Principal } from '../../auth/principal';
import { PG_POOL } from '../../infra/tokens';
import { actingClient, scopeOf } from '../../auth/client-scope';
import { parseBody } from '../../http/parse-body';
import { inTransaction } from '../../../core/storage/database';
import { ClaimsService } from './claims.service';
import { RebateRepository, type DeclarationRow } from './rebate.repository';
import { traderRebate } from './rules/calculation';
import { matchLines } from './rules/matching';
import { DEFAULT_RATES } from './rules/rate-table';
import { readiness } from './rules/readiness';

/** VAT invoice lines as the trader assigns them to HS codes and statutory units (关联). */
const VatLinesBody = z.strictObject({
  clientId: z.string().min(1).optional(),
  lines: z
    .array(
      z.strictObject({
        invoiceNo: z.string().min(1),
        lineNo: z.number().int().positive(),
        hsCode: ChinaHsCodeSchema,
        productName: z.string().min(1),
        quantity: DecimalStringSchema,
        unit: z.string().min(1),
        amount: z.strictObject({ amount: DecimalStringSchema, currency: z.literal('CNY') }),
      }),
    )
    .min(1),
});
const FiledBody = z.strictObject({ clientId: z.string().min(1).optional() });

const view = (d: DeclarationRow) => ({
  ...readiness(d),
  exportDate: d.exportDate,
  clientId: d.clientId,
});

/** Rebate readiness per declaration (client-scoped), VAT invoice matching, the trader refund. */
@Controller('rebate')
@Guarded('rebate')
export class RebateController {
  constructor(
    private readonly repo: RebateRepository,
    private readonly claims: ClaimsService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('declarations')
  async list(@CurrentPrincipal() principal: Principal) {
    return (await this.repo.list(this.pool, scopeOf(principal))).map(view);
  }

  /** Body `{ lines: [VAT invoice lines] }`: matched to the declaration's lines, refund computed. */
  @Post('declarations/:declarationNo/vat-invoices')
  @ApiZodBody(VatLinesBody)
  async match(
    @CurrentPrincipal() principal: Principal,
    @Param('declarationNo') no: string,
    @Body() body: unknown,
  ) {
    const { clientId, lines } = parseBody(VatLinesBody, body);
    const client = actingClient(principal, clientId) ?? clientId ?? '';
    const declaration = await this.repo.get(this.pool, client, no);
    if (!declaration) throw new NotFoundException(`declaration ${no} not found`);
    const matches = matchLines(declaration.lines, lines);
    await inTransaction(this.pool, async (tx) => {
      await this.repo.setMatches(tx, client, no, matches);
      await this.claims.announceIfReady(tx, client, no);
    });
    return { matches, rebate: traderRebate(matches, DEFAULT_RATES) };
  }

  /** Marks the declaration's documents filed (单证备案), the last piece an operator confirms. */
  @Post('declarations/:declarationNo/documents-filed')
  @ApiZodBody(FiledBody)
  async filed(
    @CurrentPrincipal() principal: Principal,
    @Param('declarationNo') no: string,
    @Body() body: unknown,
  ) {
    const { clientId } = parseBody(FiledBody, body ?? {});
    const client = actingClient(principal, clientId) ?? clientId ?? '';
    await inTransaction(this.pool, async (tx) => {
      await this.repo.flag(tx, client, no, 'documents_filed');
      await this.claims.announceIfReady(tx, client, no);
    });
    const row = await this.repo.get(this.pool, client, no);
    if (!row) throw new NotFoundException(`declaration ${no} not found`);
    return view(row);
  }
}
