import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { scopeOf, staffOperator } from '../../auth/client-scope';
import type { Principal } from '../../auth/principal';
import { Guarded } from '../../http/openapi';
import { parseBody } from '../../http/parse-body';
import { ApiZodBody } from '../../http/zod-openapi';
import { PG_POOL } from '../../infra/tokens';
import { PremiumBillsRepository } from './premium-bills.repository';
import { PremiumBillsService } from './premium-bills.service';
import { PremiumPaymentsService } from './premium-payments.service';
import { DateTimeSchema } from '../../../core/model/values/datetime.schema';
import { PositiveMoneySchema } from '../../../core/model/values/money.schema';
import { inTransaction } from '../../../core/storage/database';

const Period = z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/, 'period is YYYYMM');
const FetchBody = z.strictObject({ period: Period });
const PaidBody = z.strictObject({
  paidAt: DateTimeSchema,
  amount: PositiveMoneySchema,
  /** The bank's reference of the transfer to Sinosure. */
  paymentRef: z.string().min(1).max(64),
});

/** Sinosure's monthly premium bills, reconciled against the premiums on the declarations. */
@Controller('insurance')
@Guarded('insurance')
export class PremiumBillsController {
  constructor(
    private readonly repo: PremiumBillsRepository,
    private readonly bills: PremiumBillsService,
    private readonly payments: PremiumPaymentsService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** `?period=YYYYMM` optional; a client key sees its own bills. */
  @Get('premium-bills')
  list(@CurrentPrincipal() principal: Principal, @Query('period') period?: string) {
    const p = period === undefined ? undefined : parseBody(Period, period);
    return this.repo.list(this.pool, scopeOf(principal), p);
  }

  /** Body `{ period }`: fetches every policy's bill for the period (staff operators). */
  @Post('premium-bills/fetch')
  @HttpCode(200)
  @ApiZodBody(FetchBody)
  fetch(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    staffOperator(principal, 'premium bill fetches');
    return this.bills.fetch(this.pool, parseBody(FetchBody, body).period);
  }

  /**
   * Body `{ paidAt, amount, paymentRef }`: the bill paid (operators, or the client's own key).
   * The amount is the bill's total; the same payment again answers the bill, another 409.
   */
  @Post('premium-bills/:billNo/payment')
  @HttpCode(200)
  @ApiZodBody(PaidBody)
  async paid(
    @CurrentPrincipal() principal: Principal,
    @Param('billNo') billNo: string,
    @Body() body: unknown,
  ) {
    const input = parseBody(PaidBody, body);
    const bill = await inTransaction(this.pool, (tx) =>
      this.payments.byOperator(tx, principal, billNo, input),
    );
    if (!bill) throw new NotFoundException(`no premium bill ${billNo}`);
    return bill;
  }
}
