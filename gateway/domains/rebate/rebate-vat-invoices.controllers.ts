import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { VatInvoice } from '../../../core/model/documents/rebate.schema';
import { ChinaHsCodeSchema } from '../../../core/model/values/hs-code';
import { DecimalStringSchema } from '../../../core/model/values/decimal.schema';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { actingClient, scopeOf } from '../../auth/client-scope';
import type { Principal } from '../../auth/principal';
import { ClientIdSchema } from '../../http/common-schemas';
import { Guarded } from '../../http/openapi';
import { ApiZodBody } from '../../http/zod-openapi';
import { ZodPipe } from '../../http/zod-pipe';
import { PG_POOL } from '../../infra/tokens';
import { inTransaction } from '../../../core/storage/database';
import { ClaimsService } from './claims.service';
import { RebateRepository } from './rebate.repository';
import { traderRebate } from './rules/calculation';
import { matchLines, type VatInvoiceLine } from './rules/matching';
import { DEFAULT_RATES } from './rules/rate-table';
import { VatInvoiceRepository } from './vat-invoice.repository';

/** The trader's assignment (关联) of a stored VAT invoice line to an HS code and statutory unit. */
const Assignments = z.strictObject({
  clientId: ClientIdSchema.optional(),
  lines: z
    .array(
      z.strictObject({
        invoiceNo: z.string().min(1),
        lineNo: z.number().int().positive(),
        hsCode: ChinaHsCodeSchema,
        /** The line's quantity in the declaration's statutory first unit. */
        quantity: DecimalStringSchema,
        unit: z.string().min(1),
      }),
    )
    .min(1),
});
type Assignment = z.infer<typeof Assignments>['lines'][number];

/** "*家用电器*电热水壶" prints the tax category before the product: the product is the rest. */
const productOf = (description: string) => description.replace(/^\*[^*]*\*/, '');

/** Amount and product from the stored invoice line; an assignment naming none is refused. */
function toVatLine(invoices: readonly VatInvoice[], a: Assignment, i: number): VatInvoiceLine {
  const line = invoices
    .find((v) => v.invoiceNo === a.invoiceNo)
    ?.lines.find((l) => l.lineNo === a.lineNo);
  if (!line)
    throw new UnprocessableEntityException(
      `/lines/${i}: no VAT invoice ${a.invoiceNo} line ${a.lineNo} taken in for this client`,
    );
  return { ...a, productName: productOf(line.description), amount: line.amount };
}

/**
 * VAT invoices taken in through intake (connector mapping `generic-vat-invoice-json`), and
 * their lines assigned to a declaration by reference: the amounts come from the invoice.
 */
@Controller('rebate')
@Guarded('rebate')
export class RebateVatInvoicesController {
  constructor(
    private readonly repo: RebateRepository,
    private readonly claims: ClaimsService,
    private readonly vatInvoices: VatInvoiceRepository,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('vat-invoices')
  list(@CurrentPrincipal() principal: Principal) {
    return this.vatInvoices.list(this.pool, scopeOf(principal));
  }

  /** Matches the assigned invoice lines to the declaration's goods lines; the trader refund. */
  @Post('declarations/:declarationNo/vat-invoice-assignments')
  @ApiZodBody(Assignments)
  async assign(
    @CurrentPrincipal() principal: Principal,
    @Param('declarationNo') no: string,
    @Body(new ZodPipe(Assignments)) body: z.infer<typeof Assignments>,
  ) {
    const client = actingClient(principal, body.clientId) ?? body.clientId ?? '';
    const declaration = await this.repo.get(this.pool, client, no);
    if (!declaration) throw new NotFoundException(`declaration ${no} not found`);
    const invoices = await this.vatInvoices.get(
      this.pool,
      client,
      body.lines.map((l) => l.invoiceNo),
    );
    const matches = matchLines(
      declaration.lines,
      body.lines.map((a, i) => toVatLine(invoices, a, i)),
    );
    await inTransaction(this.pool, async (tx) => {
      await this.repo.setMatches(tx, client, no, matches);
      await this.claims.announceIfReady(tx, client, no);
    });
    return { matches, rebate: traderRebate(matches, DEFAULT_RATES) };
  }
}
