import {
  Body,
  ConflictException,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { DateSchema } from '../../../core/model/values/datetime.schema';
import { NonNegativeDecimalSchema } from '../../../core/model/values/decimal.schema';
import { inTransaction } from '../../../core/storage/database';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { actingClient, scopeOf, visibleOr404 } from '../../auth/client-scope';
import type { Principal } from '../../auth/principal';
import { ClientIdSchema } from '../../http/common-schemas';
import { Guarded } from '../../http/openapi';
import { parseBody } from '../../http/parse-body';
import { ApiZodBody } from '../../http/zod-openapi';
import { PG_POOL } from '../../infra/tokens';
import { ClaimRepository } from './claim.repository';
import { ClaimsService } from './claims.service';

/** The tax bureau's refund of a claim, as an operator enters it or a file import posts it. */
const RefundBody = z.strictObject({
  clientId: ClientIdSchema.optional(),
  refundAmount: z.strictObject({ amount: NonNegativeDecimalSchema, currency: z.literal('CNY') }),
  refundDate: DateSchema,
  reference: z.string().min(1).optional(),
});

/** Rebate claims (one per declaration): readiness, expected and received refund. */
@Controller('rebate')
@Guarded('rebate')
export class RebateClaimsController {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly service: ClaimsService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('claims')
  list(@CurrentPrincipal() principal: Principal) {
    return this.claims.list(this.pool, scopeOf(principal));
  }

  /** Records the refund once: 409 when already recorded, 422 before the claim is ready. */
  @Post('claims/:claimNo/refund')
  @ApiZodBody(RefundBody)
  async refund(
    @CurrentPrincipal() principal: Principal,
    @Param('claimNo') claimNo: string,
    @Body() body: unknown,
  ) {
    const b = parseBody(RefundBody, body);
    const client = actingClient(principal, b.clientId);
    const claim = visibleOr404(
      principal,
      await this.claims.get(this.pool, claimNo, client),
      `claim ${claimNo}`,
    );
    if (!claim.readyAt) throw new UnprocessableEntityException(`claim ${claimNo} is not ready`);
    if (claim.refundAmount) throw new ConflictException(`claim ${claimNo} is refunded already`);
    const refund = {
      amount: b.refundAmount.amount,
      refundDate: b.refundDate,
      reference: b.reference,
    };
    const recorded = await inTransaction(this.pool, (tx) =>
      this.service.recordRefund(tx, claim, refund),
    );
    if (!recorded) throw new ConflictException(`claim ${claimNo} is refunded already`);
    return recorded;
  }
}
