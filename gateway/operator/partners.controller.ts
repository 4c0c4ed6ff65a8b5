import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Inject,
  NotFoundException,
  Param,
  Put,
  UseGuards,
} from '@nestjs/common';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import { redactSecrets } from '../../core/security/redact';
import { ApiKeyGuard, CurrentPrincipal, RequireRole } from '../auth/api-key.guard';
import type { Principal } from '../auth/principal';
import { PARTNER_REGISTRY } from '../partners/partners.tokens';
import { PG_POOL } from '../infra/tokens';
import type { Pool } from 'pg';
import { partnerHealth } from '../../core/storage/partner-health';
import { PollRuntime } from '../connectors/poll.runtime';
import { partnerOperations } from '../operations/partner-operations';

/** Partner records as operators see them: secrets always redacted. */
@Controller('partners')
@UseGuards(ApiKeyGuard)
export class PartnersController {
  constructor(
    @Inject(PARTNER_REGISTRY) private readonly partners: PartnerRegistry,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly polls: PollRuntime,
  ) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    this.staffOnly(principal);
    return { items: this.partners.list().map((p) => redactSecrets(p)) };
  }

  /** Flow health per partner: last message each way, 24-hour counts and error rate, backlog age. */
  @Get('health')
  async health(@CurrentPrincipal() principal: Principal) {
    this.staffOnly(principal);
    return { items: await partnerHealth(this.pool) };
  }

  /** The partner's settings, and under `operations` its circuit breakers and poll health. */
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    this.staffOnly(principal);
    const partner = this.partners.redacted(id);
    if (!partner) throw new NotFoundException(`unknown partner ${id}`);
    return { ...partner, operations: await partnerOperations(partner, this.polls) };
  }

  /** Adds or replaces a partner; its secrets are sealed before they are stored. */
  @Put(':id')
  @RequireRole('admin')
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    this.staffOnly(principal);
    const saved = await this.partners.upsert({ ...body, id });
    return redactSecrets(saved);
  }

  // Partner settings are the platform's, not a client's business.
  private staffOnly(principal: Principal): void {
    if (principal.clientId) throw new ForbiddenException('client keys do not see partner settings');
  }
}
