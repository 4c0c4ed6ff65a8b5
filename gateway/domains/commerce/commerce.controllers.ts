import { Body, Controller, Get, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { actingClient, scopeOf, visibleOr404 } from '../../auth/client-scope';
import type { Principal } from '../../auth/principal';
import { Guarded } from '../../http/openapi';
import { parseBody } from '../../http/parse-body';
import { ApiZodBody } from '../../http/zod-openapi';
import { PG_POOL } from '../../infra/tokens';
import { OrderWorkRepository } from './order-work.repository';

const DoneSchema = z.strictObject({
  /** The seller the order number belongs to (the task's sellerKey). */
  sellerKey: z.string().min(1),
  /** What the operator did, appended to the task's reason. */
  note: z.string().min(1).max(500).optional(),
});

/**
 * The order work left to people: fulfilment orders to cancel by hand, direct shipments to book,
 * orders a warehouse could not take. A client key sees its own; staff keys all.
 */
@Controller('commerce')
@Guarded('commerce')
export class CommerceTasksController {
  constructor(
    private readonly work: OrderWorkRepository,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** Open tasks, oldest first (at most 500). */
  @Get('tasks')
  tasks(@CurrentPrincipal() principal: Principal) {
    return this.work.openTasks(this.pool, scopeOf(principal));
  }

  /** Body `{ sellerKey, note? }`: the open task of this order and kind is done (operators, or the client's key). */
  @Post('tasks/:orderNo/:kind/done')
  @ApiZodBody(DoneSchema, "the task's seller and what the operator did")
  async done(
    @CurrentPrincipal() principal: Principal,
    @Param('orderNo') orderNo: string,
    @Param('kind') kind: string,
    @Body() body: unknown,
  ) {
    const { sellerKey, note } = parseBody(DoneSchema, body);
    const key = { sellerKey, orderNo, kind };
    const what = `open task ${kind} of order ${orderNo}`;
    const task = visibleOr404(principal, await this.work.openTask(this.pool, key), what);
    actingClient(principal, task.clientId);
    const finished = await this.work.finishTask(this.pool, key, note);
    // Finished by someone else between the two statements: no longer open.
    if (!finished) throw new NotFoundException(`${what} not found`);
    return finished;
  }
}
