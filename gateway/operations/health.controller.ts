import { Controller, Get, Header, HttpException, Inject, Res } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import type { Pool } from 'pg';
import { PG_POOL } from '../infra/tokens';
import { MessagingRuntime } from '../messaging/messaging.runtime';
import { DeliveryWorker } from '../outbound/delivery.worker';
import type { MetricsService } from './metrics.service';
import { METRICS } from './operations.tokens';
import { READINESS, withTimeout, type ReadinessRegistry } from './readiness';

type Check = { ok: boolean; latencyMs: number; error?: string };

async function timed(probe: () => Promise<boolean>, timeoutMs = 2000): Promise<Check> {
  const started = Date.now();
  try {
    const ok = await withTimeout(probe(), timeoutMs);
    return { ok, latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, latencyMs: Date.now() - started, error: (err as Error).message };
  }
}

/**
 * Health and the Prometheus scrape, all unauthenticated. `/health/live` is the process only (a
 * liveness probe must not restart the gateway because PostgreSQL is away); `/health/ready` runs
 * every check the modules registered (terminus) and answers 503 naming the ones down;
 * `/health` is the earlier summary of the three dependencies.
 */
@Controller()
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly messaging: MessagingRuntime,
    private readonly delivery: DeliveryWorker,
    @Inject(METRICS) private readonly metrics: MetricsService,
    @Inject(READINESS) private readonly readiness: ReadinessRegistry,
    private readonly terminus: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  @Get('health/live')
  live() {
    return this.terminus.check([
      async () =>
        this.indicators.check('process').up({
          pid: process.pid,
          uptimeSeconds: Math.round(process.uptime()),
        }),
    ]);
  }

  @Get('health/ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.terminus.check(this.readiness.indicators(this.indicators));
    } catch (err) {
      // Terminus throws a 503 carrying the full result; answer it as it is.
      if (!(err instanceof HttpException)) throw err;
      void reply.status(err.getStatus());
      return err.getResponse();
    }
  }

  @Get('health')
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, rabbitmq, redis] = await Promise.all([
      timed(async () => (await this.pool.query('SELECT 1')).rowCount === 1),
      timed(async () => this.messaging.connected),
      timed(() => this.delivery.ping()),
    ]);
    const ok = postgres.ok && rabbitmq.ok && redis.ok;
    void reply.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'degraded',
      checks: { postgres, rabbitmq, redis },
      handlers: this.messaging.handlerNames(),
    };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  async scrape(): Promise<string> {
    return this.metrics.render();
  }
}
