import type { Provider } from '@nestjs/common';
import type { HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';

/** What a readiness probe reports: up or down, with a few facts an operator can act on. */
export interface ProbeResult {
  ok: boolean;
  detail?: Record<string, unknown>;
}
export type Probe = () => Promise<ProbeResult>;

export const READINESS = Symbol('Readiness');
const PROBE_TIMEOUT_MS = 2000;

/**
 * The readiness checks of `/health/ready`. Each module registers its own (database, rabbitmq,
 * redis, poll schedules ...) with `readinessCheck`, so the health controller names none of them.
 */
export class ReadinessRegistry {
  private readonly probes = new Map<string, Probe>();

  register(name: string, probe: Probe): void {
    this.probes.set(name, probe);
  }

  names(): string[] {
    return [...this.probes.keys()];
  }

  /** One terminus indicator per check; a probe that throws or hangs is down. */
  indicators(health: HealthIndicatorService): HealthIndicatorFunction[] {
    return [...this.probes].map(([name, probe]) => async () => {
      const started = Date.now();
      const session = health.check(name);
      try {
        const { ok, detail } = await withTimeout(probe(), PROBE_TIMEOUT_MS);
        const data = { latencyMs: Date.now() - started, ...detail };
        return ok ? session.up(data) : session.down(data);
      } catch (err) {
        return session.down({ latencyMs: Date.now() - started, error: (err as Error).message });
      }
    });
  }
}

/**
 * A provider that registers one readiness check when the module that lists it is built:
 * `readinessCheck('redis', [DeliveryWorker], (w: DeliveryWorker) => async () => ...)`.
 */
export function readinessCheck<T extends unknown[]>(
  name: string,
  inject: Provider[] | unknown[],
  probe: (...deps: T) => Probe,
): Provider {
  return {
    provide: `readiness:${name}`,
    inject: [READINESS, ...(inject as never[])],
    useFactory: (registry: ReadinessRegistry, ...deps: T) =>
      registry.register(name, probe(...deps)),
  };
}

/** `work`, or a rejection when it has not settled within `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
