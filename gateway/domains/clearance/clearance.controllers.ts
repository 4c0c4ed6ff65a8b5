import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CurrentPrincipal, RequireRole } from '../../auth/api-key.guard';
import { Guarded } from '../../http/openapi';
import type { Principal } from '../../auth/principal';
import { actingClient, clientKey, visibleOr404 } from '../../auth/client-scope';
import { clientScope } from '../../auth/principal';
import { ClearanceQueryService } from './clearance-query.service';
import { ClearanceService, type ClientProfile } from './clearance.service';
import {
  ClientProfileSchema,
  HsEntrySchema,
  OriginInputSchema,
  ProductEntrySchema,
  SummaryRequestSchema,
  TariffQuestionSchema,
} from './clearance.schemas';
import { SummaryService, type SummaryRequest } from './summary.service';
import { SummaryRepository } from './summary.repository';
import { ApiZodBody } from '../../http/zod-openapi';
import { ZodPipe } from '../../http/zod-pipe';
import { ClearanceRepository, type DeclarationFilter } from './clearance.repository';
import type { OriginInput } from './rules/origin';
import type { TariffQuestion } from './rules/tariff';
import type { HsEntry, ProductEntry } from './rules/hs-catalogue';

import type { Pool } from 'pg';
import { Inject } from '@nestjs/common';
import { PG_POOL } from '../../infra/tokens';

@Controller('clearance/declarations')
@Guarded('clearance')
export class DeclarationsController {
  constructor(
    private readonly query: ClearanceQueryService,
    private readonly clearance: ClearanceService,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly repo: ClearanceRepository,
  ) {}

  /** By client, state, port (customs code), creation date range and reference. */
  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() q: DeclarationFilter & { clientId?: string },
  ) {
    return this.query.list(principal, q);
  }

  /** One declaration with its source documents, receipts and state history. */
  @Get(':id')
  one(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.query.one(principal, id);
  }

  /** The validation problems of a draft, by field. */
  @Get(':id/problems')
  problems(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.query.problems(principal, id);
  }

  /** Submits a validated, unheld draft to the Single Window. */
  @Post(':id/submit')
  @HttpCode(202)
  async submit(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const row = visibleOr404(principal, await this.repo.get(this.pool, id), 'declaration');
    actingClient(principal, row.clientId);
    return this.clearance.submit(id);
  }
}

@Controller('clearance')
@Guarded('clearance')
export class ClearanceController {
  constructor(
    private readonly query: ClearanceQueryService,
    private readonly summaries: SummaryService,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly summaryRows: SummaryRepository,
  ) {}

  /**
   * Files the CEB701 summary of a client's released 9610 lists of the period, once per client
   * and period: `created` false answers the one filed before; 409 when no list is left.
   */
  @Post('summaries')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiZodBody(SummaryRequestSchema)
  async summarise(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(SummaryRequestSchema)) body: SummaryRequest,
  ) {
    actingClient(principal, body.clientId);
    return this.summaries.summarise(body);
  }

  /** The CEB701 summaries filed, newest period first. */
  @Get('summaries')
  async listSummaries(
    @CurrentPrincipal() principal: Principal,
    @Query('clientId') clientId?: string,
  ) {
    const scoped =
      clientScope(principal) ?? (clientId === undefined ? undefined : clientKey(clientId));
    return this.summaryRows.list(this.pool, scoped);
  }

  /** Compliance holds, overdue receipts, expiring registrations, AD/CVD warnings; who cleared. */
  @Get('alerts')
  alerts(
    @CurrentPrincipal() principal: Principal,
    @Query() q: { clientId?: string; open?: string },
  ) {
    return this.query.alerts(principal, q);
  }

  @Post('alerts/:id/clear')
  @RequireRole('operator')
  clear(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.query.clearAlert(principal, id);
  }

  /** A client's party and qualification (registrations, exporter-of-record agency). */
  @Put('clients/:clientId')
  @HttpCode(204)
  @ApiZodBody(ClientProfileSchema)
  async putClient(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Body(new ZodPipe(ClientProfileSchema)) profile: ClientProfile,
  ) {
    await this.query.putClient(principal, clientId, profile);
  }

  @Put('catalogue/hs/:hsCode')
  @HttpCode(204)
  @RequireRole('operator')
  @ApiZodBody(HsEntrySchema, 'the HS code comes from the path')
  async putHs(
    @CurrentPrincipal() principal: Principal,
    @Param('hsCode') hsCode: string,
    @Body(new ZodPipe(HsEntrySchema)) entry: Omit<HsEntry, 'hsCode'>,
  ) {
    await this.query.putCatalogue(principal, 'hs', hsCode, { ...entry, hsCode });
  }

  @Put('catalogue/products/:sku')
  @HttpCode(204)
  @ApiZodBody(ProductEntrySchema, 'the SKU comes from the path')
  async putProduct(
    @CurrentPrincipal() principal: Principal,
    @Param('sku') sku: string,
    @Body(new ZodPipe(ProductEntrySchema)) entry: Omit<ProductEntry, 'sku'>,
    @Query('clientId') clientId?: string,
  ) {
    await this.query.putCatalogue(principal, 'product', sku, { ...entry, sku }, clientId);
  }

  /** Certificate-of-origin eligibility with the reasoning per rule. */
  @Post('origin')
  @HttpCode(200)
  @ApiZodBody(OriginInputSchema)
  origin(@Body(new ZodPipe(OriginInputSchema)) input: OriginInput) {
    return this.query.origin(input);
  }

  /** MFN against preferential duty and the saving for the shipment value. */
  @Post('tariff')
  @HttpCode(200)
  @ApiZodBody(TariffQuestionSchema)
  tariff(@Body(new ZodPipe(TariffQuestionSchema)) question: TariffQuestion) {
    return this.query.plan(question);
  }
}
