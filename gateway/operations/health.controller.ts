import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Pool } from 'pg';
import { PG_POOL } from '../infra/tokens';
import { MessagingRuntime } from '../messaging/messaging.runtime';
import { DeliveryWorker } from '../outbound/delivery.worker';
import type { MetricsService } from './metrics.service';
import { METRICS } from './operations.tokens';

type Check = { ok: boolean; latencyMs: number; error?: string };

async function timed(probe: () => Promise<boolean>, timeoutMs = 2000): Promise<Check> {
  const started = Date.now();
  try {
    const ok = await Promise.race([
      probe(),
      new Promise<boolean>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { ok, latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, latencyMs: Date.now() - started, error: (err as Error).message };
  }
}

/** Liveness of each dependency, and the Prometheus scrape endpoint. Both are unauthenticated. */
@Controller()
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly messaging: MessagingRuntime,
    private readonly delivery: DeliveryWorker,
    @Inject(METRICS) private readonly metrics: MetricsService,
  ) {}

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
