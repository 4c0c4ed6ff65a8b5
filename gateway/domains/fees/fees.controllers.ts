import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Header,
  Inject,
  Param,
  Put,
  Query,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { MoneySchema } from '../../../core/model/values/money.schema';
import { PercentSchema } from '../../../core/model/values/decimal.schema';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { Guarded } from '../../http/openapi';
import { ApiZodBody } from '../../http/zod-openapi';
import type { Principal } from '../../auth/principal';
import { PG_POOL } from '../../infra/tokens';
import { actingClient } from '../../auth/client-scope';
import { parseBody } from '../../http/parse-body';
import { FeesRepository } from './fees.repository';
import { buildStatement, statementCsv } from './rules/statement';
import { MARGIN_SERVICES } from './rules/metering';

// Priced services; FX_MARGIN kept for its percent rule of before (a percent of the amount).
const service = z.enum([
  'CLEARANCE',
  'LOGISTICS',
  'REBATE_AGENCY',
  'FINANCING_COMMISSION',
  'FX_MARGIN',
]);
const ScheduleSchema = z.strictObject({
  rules: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ service, kind: z.literal('PER_ORDER'), fee: MoneySchema }),
        z.strictObject({ service, kind: z.literal('PERCENT'), percent: PercentSchema }),
        // The margin itself: FX (client rate vs bank rate), freight (sold vs bought).
        z.strictObject({ service: z.enum(MARGIN_SERVICES), kind: z.literal('MARGIN') }),
      ]),
    )
    .refine((rules) => new Set(rules.map((r) => r.service)).size === rules.length, {
      message: 'one rule per service',
    }),
});
const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month is YYYY-MM');

/** Fee schedules (operators) and monthly statements (a client sees its own). */
@Controller('fees')
@Guarded('fees')
export class FeesController {
  constructor(
    private readonly fees: FeesRepository,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('schedules/:clientId')
  schedule(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string) {
    return this.fees.schedule(this.pool, this.clientOf(principal, clientId));
  }

  /**
   * Body `{ rules: [{ service, kind: PER_ORDER, fee } | { service, kind: PERCENT, percent } |
   * { service: FX_MARGIN | FREIGHT_MARGIN, kind: MARGIN }] }`, one rule per service.
   */
  @Put('schedules/:clientId')
  @ApiZodBody(ScheduleSchema)
  async putSchedule(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Body() body: unknown,
  ) {
    if (principal.clientId !== null) throw new ForbiddenException('operators set fee schedules');
    actingClient(principal, clientId);
    const { rules } = parseBody(ScheduleSchema, body);
    await this.fees.putSchedule(this.pool, clientId, rules);
    return { clientId, rules };
  }

  /** `?month=YYYY-MM`: the month's metered fees with their totals. */
  @Get('statements/:clientId')
  async statement(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Query('month') month: string,
  ) {
    const client = this.clientOf(principal, clientId);
    const m = parseBody(MonthSchema, month);
    return buildStatement(client, m, await this.fees.metered(this.pool, client, m));
  }

  @Get('statements/:clientId/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async statementCsv(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Query('month') month: string,
  ) {
    return statementCsv(await this.statement(principal, clientId, month));
  }

  /** A client key reads its own only (403 for another's); staff keys read any. */
  private clientOf(principal: Principal, clientId: string): string {
    if (principal.clientId !== null) actingClient(principal, clientId);
    return clientId;
  }
}
