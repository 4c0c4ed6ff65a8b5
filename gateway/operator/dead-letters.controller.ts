import {
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
import { listDeadLetters, requeueDeadLetter } from '../../core/messaging/dead-letters';
import { recordAudit } from '../../core/storage/audit-log';
import { CurrentPrincipal, RequireRole } from '../auth/api-key.guard';
import { Guarded } from '../http/openapi';
import { canSee, clientScope, type Principal } from '../auth/principal';
import { ApiZodQuery } from '../http/zod-openapi';
import { ZodPipe } from '../http/zod-pipe';
import { PG_POOL } from '../infra/tokens';

const ListQuery = z.object({
  consumer: z.string().optional(),
  state: z.enum(['open', 'requeued', 'all']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/** Poison envelopes taken off the dead-letter queues, with their reasons; requeue after a fix. */
@Controller('dead-letters')
@Guarded('dead-letters')
export class DeadLettersController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @ApiZodQuery(ListQuery)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(ListQuery)) query: z.infer<typeof ListQuery>,
  ) {
    const items = await listDeadLetters(this.pool, {
      ...query,
      clientId: clientScope(principal),
    });
    return { items };
  }

  @Post(':id/requeue')
  @HttpCode(202)
  @RequireRole('operator')
  async requeue(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const found = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.pool.query<{ client_id: string | null }>(
          'SELECT client_id FROM dead_letters WHERE id = $1',
          [id],
        )
      : { rows: [] };
    const row = found.rows[0];
    if (!row || !canSee(principal, row.client_id))
      throw new NotFoundException(`no dead letter ${id}`);
    const result = await requeueDeadLetter(this.pool, id);
    await recordAudit(this.pool, principal, 'dead-letter.requeue', id);
    return { id, requeuedAt: result.requeuedAt };
  }
}
