import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  UseGuards,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { ApiKeyRepository } from '../../core/storage/api-key.repository';
import { ApiKeyGuard, RequireRole } from '../auth/api-key.guard';
import { ClientIdSchema } from '../http/common-schemas';
import { UuidParam } from '../http/zod-pipe';
import { parseInput } from '../http/zod-query';
import { PG_POOL } from '../infra/tokens';

const NewKey = z
  .object({
    name: z.string().min(1),
    role: z.enum(['viewer', 'operator', 'admin']),
    clientId: ClientIdSchema.optional(),
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
  private readonly keys = new ApiKeyRepository();

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Post()
  async create(@Body() body: unknown) {
    const input = parseInput(NewKey, body);
    if (input.clientId) {
      const client = await this.pool.query('SELECT 1 FROM clients WHERE id = $1', [input.clientId]);
      if (client.rowCount === 0) throw new NotFoundException(`unknown client ${input.clientId}`);
    }
    return this.keys.create(this.pool, input);
  }

  @Get()
  async list() {
    return { items: await this.keys.list(this.pool) };
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@UuidParam('id') id: string) {
    if (!(await this.keys.revoke(this.pool, id)))
      throw new NotFoundException(`no active key ${id}`);
  }
}
