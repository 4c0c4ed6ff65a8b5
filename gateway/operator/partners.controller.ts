import {
  Body,
  Controller,
  ConflictException,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Put,
  UnprocessableEntityException,
} from '@nestjs/common';
import { partnerUrlProblems } from '../../connectors/transports/http/outbound-policy';
import { jsonPath } from '../../core/connector/transport-validation';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import { InvalidPartnerError } from '../../core/partners/partner-validation';
import type { PartnerRecord } from '../../core/partners/partner.schema';
import { keepStoredSecrets, showSecretsAsSet } from '../../core/security/secret-fields';
import { PollRuntime } from '../connectors/poll.runtime';
import type { PollOutcome } from '../connectors/poll.service';
import { CurrentPrincipal, RequireRole } from '../auth/api-key.guard';
import { Guarded } from '../http/openapi';
import { ApiZodBody } from '../http/zod-openapi';
import { PartnerRecordSchema } from '../../core/partners/partner.schema';
import type { Principal } from '../auth/principal';
import { PARTNER_REGISTRY } from '../partners/partners.tokens';
import { PG_POOL } from '../infra/tokens';
import type { Pool } from 'pg';
import { recordAudit } from '../../core/storage/audit-log';
import { partnerHealth } from '../../core/storage/partner-health';
import { webhookAuthFailures } from '../../core/storage/webhook-auth-failures';
import { partnerOperations } from '../operations/partner-operations';
import { loadTransportRows, transportStates } from '../operations/transport-state';

/** Partner records as operators see them: a secret shows as `{ "set": true }`, never its value. */
@Controller('partners')
@Guarded('partners')
export class PartnersController {
  constructor(
    @Inject(PARTNER_REGISTRY) private readonly partners: PartnerRegistry,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly polls: PollRuntime,
  ) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    this.staffOnly(principal);
    return { items: this.partners.list().map((p) => ({ ...showSecretsAsSet(p), ...flags(p) })) };
  }

  /**
   * Flow health per partner: last message each way, 24-hour counts and error rate, backlog age,
   * webhook signature failures (24 h and last hour), and per polled transport its state: last
   * successful poll and last error (SFTP reachable), access-token expiry (Amazon LWA, Shopee).
   */
  @Get('health')
  async health(@CurrentPrincipal() principal: Principal) {
    this.staffOnly(principal);
    const [flows, rows] = await Promise.all([
      partnerHealth(this.pool),
      loadTransportRows(this.pool),
    ]);
    return {
      items: flows.map((h) => {
        const partner = this.partners.find(h.partnerId);
        return { ...h, transports: partner ? transportStates(partner, rows) : [] };
      }),
    };
  }

  /**
   * The partner's settings, and under `operations` its circuit breakers, poll health and each
   * polled transport's state (last poll outcome, consecutive failures, token expiry).
   */
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    this.staffOnly(principal);
    const partner = this.partners.find(id);
    if (!partner) throw new NotFoundException(`unknown partner ${id}`);
    return {
      ...showSecretsAsSet(partner),
      ...flags(partner),
      operations: await partnerOperations(partner, this.polls, this.pool),
    };
  }

  /** The partner's latest refused webhook pushes (reason, remote address, time; no body). */
  @Get(':id/webhook-failures')
  async webhookFailures(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    this.staffOnly(principal);
    return { items: await webhookAuthFailures(this.pool, id) };
  }

  /**
   * Adds or replaces a partner; its secrets are sealed before they are stored. A secret sent
   * back as `{ "set": true }` (as GET shows it), `[redacted]` or left out keeps the stored one.
   */
  @Put(':id')
  @RequireRole('admin')
  @ApiZodBody(
    PartnerRecordSchema.omit({ id: true }),
    'a partner record; the id comes from the path',
  )
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    this.staffOnly(principal);
    // Outbound URLs are checked against the outbound policy before anything is stored.
    const refusedUrls = partnerUrlProblems(body).map((u) => ({
      path: jsonPath(
        u.pointer
          .split('/')
          .slice(1)
          .map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
      ),
      message: u.message,
    }));
    const record = keepStoredSecrets({ ...body, id }, this.partners.find(id));
    let saved: PartnerRecord;
    try {
      saved = await this.partners.upsert(record, refusedUrls);
    } catch (err) {
      // 422 with every bad field (JSON path) against the partner's connector.
      if (err instanceof InvalidPartnerError)
        throw new UnprocessableEntityException({ message: err.message, issues: err.issues });
      throw err;
    }
    // Secrets stay out of the audit detail: only which fields were sent.
    await recordAudit(this.pool, principal, 'partner.put', id, { fields: Object.keys(body) });
    // Its folders and APIs are polled on its interval from now on, not from the next restart.
    await this.polls.resync();
    return showSecretsAsSet(saved);
  }

  /**
   * Polls the partner's folders and APIs now, even while they back off after failures: an
   * operator who fixed a setting sees at once whether it works (ADR 0004).
   */
  @Post(':id/poll')
  @HttpCode(200)
  @RequireRole('operator')
  async poll(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    this.staffOnly(principal);
    if (!this.partners.find(id)) throw new NotFoundException(`unknown partner ${id}`);
    const outcomes = await this.polls.pollNow(id, true);
    if (outcomes.length === 0)
      throw new ConflictException(`partner ${id} has no enabled inbound transport that is polled`);
    return { partnerId: id, polls: outcomes.map(describeOutcome) };
  }

  // Partner settings are the platform's, not a client's business.
  private staffOnly(principal: Principal): void {
    if (principal.clientId) throw new ForbiddenException('client keys do not see partner settings');
  }
}

/** What operators must see at a glance: webhooks accepted without authentication. */
function flags(partner: PartnerRecord): { unsignedWebhook?: true } {
  const unsigned = partner.transports.some((t) => t.kind === 'http-inbound' && t.unsigned === true);
  return unsigned ? { unsignedWebhook: true } : {};
}

function describeOutcome(o: PollOutcome) {
  if (o.outcome !== 'failed') return o;
  const { kind, code, stage, message, detail } = o.error;
  return { outcome: o.outcome, error: { kind, code, stage, message, detail } };
}
