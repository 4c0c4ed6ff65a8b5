import { Controller, ForbiddenException, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import { listAudit } from '../../core/storage/audit-log';
import { flowCounts, pendingAcks } from '../../core/storage/flow-counts';
import { ApiKeyGuard, CurrentPrincipal, RequireRole } from '../auth/api-key.guard';
import { clientScope, type Principal } from '../auth/principal';
import { parseInput } from '../http/zod-query';
import { PG_POOL } from '../infra/tokens';
import { BacklogsReader } from './backlogs';

const CountsQuery = z.object({ minutes: z.coerce.number().int().min(1).max(1440).default(60) });
const AcksQuery = z.object({
  olderThanMinutes: z.coerce.number().int().min(0).max(10080).default(60),
});
const AuditQuery = z.object({
  target: z.string().optional(),
  before: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

// Often enough to look live, rarely enough that a few open consoles cost PostgreSQL nothing.
const STREAM_EVERY_MS = 3000;

/** What the operator console reads beside the operator API: live counts, acks, the stream. */
@Controller('console/api')
@UseGuards(ApiKeyGuard)
export class ConsoleApiController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly backlogs: BacklogsReader,
  ) {}

  /** Who the key is: the console shows its name and role after sign-in. */
  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return { name: principal.name, role: principal.role, clientId: principal.clientId };
  }

  /** Messages per minute by partner, type and state over the last `minutes`, dead letters, outbox lag. */
  @Get('counts')
  counts(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { minutes } = parseInput(CountsQuery, query);
    return flowCounts(this.pool, minutes, clientScope(principal));
  }

  /** Outbound messages still waiting for the partner's acknowledgement after a while. */
  @Get('acks/pending')
  async acks(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { olderThanMinutes } = parseInput(AcksQuery, query);
    return { items: await pendingAcks(this.pool, olderThanMinutes, clientScope(principal)) };
  }

  /**
   * Queue depths and lag now: RabbitMQ handler and dead-letter queues (ready, consumers), bull
   * delivery and poll jobs by state, outbox rows pending and the oldest one's age, normalizer
   * inbox. Platform-wide, so not for client-scoped keys.
   */
  @Get('backlogs')
  backlogsNow(@CurrentPrincipal() principal: Principal) {
    if (principal.clientId) throw new ForbiddenException('client keys do not see platform queues');
    return this.backlogs.read();
  }

  /**
   * Server-sent events: `counts` (the last hour) every few seconds until the client goes, and
   * for platform staff `backlogs` (as GET backlogs) on the same beat. The
   * console reads it with fetch, so the API key travels in a header like everywhere else.
   */
  @Get('stream')
  stream(@CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply) {
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const send = (event: string, read: () => Promise<unknown>) =>
      read().then(
        (data) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
        () => raw.write(`: ${event} unavailable\n\n`),
      );
    const push = async () => {
      await send('counts', () => flowCounts(this.pool, 60, clientScope(principal)));
      if (!principal.clientId) await send('backlogs', () => this.backlogs.read());
    };
    void push();
    const timer = setInterval(() => void push(), STREAM_EVERY_MS);
    raw.on('close', () => clearInterval(timer));
  }
}

/** Who changed what and when: replays, requeues, redeliveries, partner edits, API keys. */
@Controller('audit')
@UseGuards(ApiKeyGuard)
@RequireRole('operator')
export class AuditController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  async list(@Query() query: unknown) {
    return { items: await listAudit(this.pool, parseInput(AuditQuery, query)) };
  }
}
