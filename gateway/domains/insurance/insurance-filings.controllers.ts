import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { InsuredPaymentTermSchema } from '../../../core/model/documents/insurance.schema';
import { CountryCodeSchema } from '../../../core/model/values/country.codes';
import { PositiveMoneySchema } from '../../../core/model/values/money.schema';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { actingClient, scopeOf } from '../../auth/client-scope';
import type { Principal } from '../../auth/principal';
import { ClientIdSchema } from '../../http/common-schemas';
import { Guarded } from '../../http/openapi';
import { ApiZodBody } from '../../http/zod-openapi';
import { ZodPipe } from '../../http/zod-pipe';
import { PG_POOL } from '../../infra/tokens';
import { InsuranceFilingsRepository } from './insurance-filings.repository';
import { InsuranceFilingsService } from './insurance-filings.service';
import { InsuranceScheduler } from './insurance.scheduler';

const LimitApplication = z.strictObject({
  clientId: ClientIdSchema.optional(),
  policyNo: z.string().min(1),
  buyer: z.strictObject({
    name: z.string().min(1),
    country: CountryCodeSchema,
    registrationNo: z.string().min(1).optional(),
  }),
  requestedAmount: PositiveMoneySchema,
  paymentTerm: InsuredPaymentTermSchema,
  creditDays: z.number().int().nonnegative().max(360),
});
const ClaimBody = z.strictObject({
  clientId: ClientIdSchema.optional(),
  invoiceNo: z.string().min(1),
  claimedAmount: PositiveMoneySchema.optional(),
  cause: z.enum(['INSOLVENCY', 'DEFAULT', 'REFUSAL', 'POLITICAL', 'OTHER']).optional(),
});
const ClientOnly = z.strictObject({ clientId: ClientIdSchema.optional() });

/** The client a filing is for: a client key's own, else the operator names it. */
function filingClient(principal: Principal, requested?: string): string {
  const client = actingClient(principal, requested);
  if (!client) throw new BadRequestException('clientId: an operator names the client');
  return client;
}

/**
 * Filings sent to Sinosure through the connector: buyer credit limit applications (and the
 * reading of their decision) and claims; the scheduled insurance run on demand (operators).
 */
@Controller('insurance')
@Guarded('insurance')
export class InsuranceFilingsController {
  constructor(
    private readonly filings: InsuranceFilingsService,
    private readonly claimsRepo: InsuranceFilingsRepository,
    private readonly scheduler: InsuranceScheduler,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** Applies for a buyer credit limit; the limit is APPLIED until the decision is read. */
  @Post('credit-limit-applications')
  @ApiZodBody(LimitApplication)
  async applyLimit(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(LimitApplication)) body: z.infer<typeof LimitApplication>,
  ) {
    const { clientId, ...application } = body;
    return this.filings.applyLimit(this.pool, filingClient(principal, clientId), application);
  }

  /** Reads Sinosure's decision on an application and puts the limit in force (or not). */
  @Post('credit-limit-applications/:applicationNo/decision')
  @HttpCode(200)
  @ApiZodBody(ClientOnly)
  async decision(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationNo') applicationNo: string,
    @Body(new ZodPipe(ClientOnly)) body: z.infer<typeof ClientOnly>,
  ) {
    const client = actingClient(principal, body.clientId);
    return this.filings.readDecision(this.pool, client, applicationNo);
  }

  /** Files the claim for an invoice after its notice of possible loss; once per notice. */
  @Post('claims')
  @ApiZodBody(ClaimBody)
  async claim(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(ClaimBody)) body: z.infer<typeof ClaimBody>,
  ) {
    const { clientId, ...request } = body;
    return this.filings.fileClaim(this.pool, filingClient(principal, clientId), request);
  }

  @Get('claims')
  claims(@CurrentPrincipal() principal: Principal) {
    return this.claimsRepo.claims(this.pool, scopeOf(principal));
  }

  /** Runs the scheduled insurance run now (operators): due declarations, overdue notices. */
  @Post('runs')
  @HttpCode(200)
  run(@CurrentPrincipal() principal: Principal) {
    if (principal.clientId !== null) throw new ForbiddenException('operators start runs');
    actingClient(principal);
    return this.scheduler.runOnce();
  }
}
