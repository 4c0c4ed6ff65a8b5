import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { ApiKeyRepository } from '../../core/storage/api-key.repository';
import { recordAudit } from '../../core/storage/audit-log';
import { CurrentPrincipal, RequireRole } from '../auth/api-key.guard';
import type { Principal } from '../auth/principal';
import { Guarded } from '../http/openapi';
import { ClientIdSchema } from '../http/common-schemas';
import { ApiZodBody } from '../http/zod-openapi';
import { UuidParam, ZodPipe } from '../http/zod-pipe';
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
@Guarded('api-keys')
@RequireRole('admin')
export class ApiKeysController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly keys: ApiKeyRepository,
  ) {}

  @Post()
  @ApiZodBody(NewKey)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(NewKey)) input: z.infer<typeof NewKey>,
  ) {
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
  async revoke(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string) {
    if (!(await this.keys.revoke(this.pool, id)))
      throw new NotFoundException(`no active key ${id}`);
    await recordAudit(this.pool, principal, 'api-key.revoke', id);
  }
}
