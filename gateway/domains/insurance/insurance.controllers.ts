import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  Post,
  Put,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { InsurancePolicySchema } from '../../../core/model/documents/insurance.schema';
import { CurrencyCodeSchema } from '../../../core/model/values/money.schema';
import { DecimalStringSchema } from '../../../core/model/values/decimal.schema';
import { DateSchema } from '../../../core/model/values/datetime.schema';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { Guarded } from '../../http/openapi';
import { ApiZodBody } from '../../http/zod-openapi';
import type { Principal } from '../../auth/principal';
import { PG_POOL } from '../../infra/tokens';
import { actingClient, scopeOf } from '../../auth/client-scope';
import { parseBody } from '../../http/parse-body';
import { InsuranceRepository } from './insurance.repository';
import { ShipmentDeclarationService } from './shipment-declaration.service';
import { CN_CALENDAR, provisionalBetween } from './rules/working-days';

const PolicyBody = z.strictObject({ clientId: z.string().min(1), policy: InsurancePolicySchema });
const LimitBody = z.strictObject({
  clientId: z.string().min(1),
  buyerName: z.string().min(1),
  policyNo: z.string().min(1),
  buyerCode: z.string().min(1),
  status: z.enum(['APPLIED', 'APPROVED', 'REJECTED']),
  approved: DecimalStringSchema,
  currency: CurrencyCodeSchema,
});
const PossibleLossBody = z.strictObject({ today: DateSchema });

/** Policies and buyer limits (operators, or the client's own key); declarations client-scoped. */
@Controller('insurance')
@Guarded('insurance')
export class InsuranceController {
  constructor(
    private readonly repo: InsuranceRepository,
    private readonly declarations: ShipmentDeclarationService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Put('policies')
  @ApiZodBody(PolicyBody)
  async putPolicy(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    const { clientId, policy } = parseBody(PolicyBody, body);
    await this.repo.putPolicy(this.pool, actingClient(principal, clientId) ?? clientId, policy);
    return policy;
  }

  /** A buyer credit limit as decided by the insurer (applied, approved, rejected). */
  @Put('limits')
  @ApiZodBody(LimitBody)
  async putLimit(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    const { clientId, ...limit } = parseBody(LimitBody, body);
    await this.repo.putLimit(this.pool, actingClient(principal, clientId) ?? clientId, limit);
    return limit;
  }

  /** Body `{ today }` (operators): files the possible-loss notices now due. */
  @Post('possible-loss-run')
  @HttpCode(200)
  @ApiZodBody(PossibleLossBody)
  async possibleLoss(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    if (principal.clientId !== null)
      throw new ForbiddenException('operators run the possible-loss check');
    actingClient(principal);
    const { today } = parseBody(PossibleLossBody, body);
    return { reported: await this.declarations.reportOverdue(this.pool, today) };
  }

  /** `deadlineProvisional`: counted on a year the calendar holds provisionally (rule in the file). */
  @Get('declarations')
  async list(@CurrentPrincipal() principal: Principal) {
    const rows = await this.repo.declarations(this.pool, scopeOf(principal));
    return rows.map((r) => {
      const [from, to] = [r.onBoardDate, r.deadline];
      const provisional =
        typeof from === 'string' &&
        typeof to === 'string' &&
        provisionalBetween(CN_CALENDAR, from, to);
      return provisional ? { ...r, deadlineProvisional: true } : r;
    });
  }
}
