import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { ApiKeyRepository } from '../../core/storage/api-key.repository';
import { recordAudit } from '../../core/storage/audit-log';
import { ApiKeyGuard, CurrentPrincipal, RequireRole } from '../auth/api-key.guard';
import type { Principal } from '../auth/principal';
import { parseInput } from '../http/zod-query';
import { PG_POOL } from '../infra/tokens';

const NewKey = z
  .object({
    name: z.string().min(1),
    role: z.enum(['viewer', 'operator', 'admin']),
    clientId: z.string().optional(),
  })
  .refine((k) => !(k.clientId && k.role === 'admin'), {
    message: 'a client-scoped key cannot be admin',
    path: ['role'],
  });

/** Admins issue and revoke API keys; a key's value is shown once, when it is created. */
@Controller('admin/api-keys')
@UseGuards(ApiKeyGuard)
@RequireRole('admin')
export class ApiKeysController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly keys: ApiKeyRepository,
  ) {}

  @Post()
  async create(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    const input = parseInput(NewKey, body);
    if (input.clientId) {
      const client = await this.pool.query('SELECT 1 FROM clients WHERE id = $1', [input.clientId]);
      if (client.rowCount === 0) throw new NotFoundException(`unknown client ${input.clientId}`);
    }
    const created = await this.keys.create(this.pool, input);
    await recordAudit(this.pool, principal, 'api-key.issue', created.id, {
      name: input.name,
      role: input.role,
      clientId: input.clientId ?? null,
    });
    return created;
  }

  @Get()
  async list() {
    return { items: await this.keys.list(this.pool) };
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    if (!(await this.keys.revoke(this.pool, id)))
      throw new NotFoundException(`no active key ${id}`);
    await recordAudit(this.pool, principal, 'api-key.revoke', id);
  }
}
