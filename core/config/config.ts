import { z } from 'zod';

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const url = (fallback: string, protocols: string[]) =>
  z
    .string()
    .default(fallback)
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL with protocol ${protocols.join(' or ')}`,
    );

/**
 * Every setting TradeHub reads from the environment, with defaults for the local services.
 * Nothing else reads process.env.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: int(3000, 0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url('postgres://postgres@127.0.0.1:5432/tradehub', ['postgres:', 'postgresql:']),
  DATABASE_POOL_MAX: int(20, 1),
  RABBITMQ_URL: url('amqp://guest:guest@127.0.0.1:5672', ['amqp:', 'amqps:']),
  /** Prefix of every exchange and queue name; lets several test runs share one broker. */
  RABBITMQ_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9-]*$/, 'lowercase letters, digits and -')
    .default(''),
  RABBITMQ_PREFETCH: int(200, 1),
  RABBITMQ_QUEUE_TYPE: z.enum(['quorum', 'classic']).default('quorum'),
  REDIS_URL: url('redis://127.0.0.1:6379', ['redis:', 'rediss:']),
  BULL_PREFIX: z.string().min(1).default('tradehub'),
  /** 32-byte key (hex or base64) that encrypts partner secrets at rest. */
  SECRETS_KEY: z.string().optional(),
  /** Bootstrap admin API key, stored hashed at start-up. */
  ADMIN_API_KEY: z.string().min(16, 'at least 16 characters').optional(),
  INBOUND_MAX_BYTES: int(10 * 1024 * 1024, 1),
  PARTNER_SEED_DIR: z.string().default('gateway/seed'),
  OUTBOX_BATCH_SIZE: int(200, 1),
  OUTBOX_POLL_MS: int(200, 10),
  RETRY_DELAYS_MS: z
    .string()
    .default('1000,5000,30000,120000')
    .refine(
      (v) => v.split(',').every((d) => /^\d+$/.test(d.trim())),
      'comma-separated milliseconds',
    ),
  DELIVERY_ATTEMPTS: int(6, 1),
  DELIVERY_BACKOFF_MS: int(2000, 1),
  /** Consecutive transient failures that open a partner endpoint's circuit breaker. */
  CIRCUIT_FAILURES: int(5, 1),
  /** How long an open circuit leaves the partner alone before one test call. */
  CIRCUIT_HALF_OPEN_MS: int(30_000, 100),
  /** How often the repeatable poll jobs in Redis are checked against the partner records. */
  POLL_SCHEDULE_CHECK_MS: int(60_000, 100),
  /** Published outbox rows and idempotency records are kept this long, then deleted. */
  OUTBOX_RETENTION_DAYS: int(7, 1),
  PROCESSED_RETENTION_DAYS: int(30, 1),
  /** Run the outbox relay, consumers and bull workers in this process (off for API-only nodes). */
  WORKERS_ENABLED: z.enum(['true', 'false']).default('true'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  http: { host: string; port: number; inboundMaxBytes: number };
  logLevel: Env['LOG_LEVEL'];
  database: { url: string; poolMax: number };
  rabbit: {
    url: string;
    namespace: string;
    prefetch: number;
    queueType: 'quorum' | 'classic';
    retryDelaysMs: number[];
  };
  redis: { url: string; bullPrefix: string };
  secretsKey: Buffer;
  adminApiKey?: string;
  seedDir: string;
  /** TRADEHUB_SEED_* variables, usable as `${NAME}` in seed files (secrets stay out of the repo). */
  seedVariables: Record<string, string>;
  outbox: { batchSize: number; pollMs: number };
  retention: { outboxDays: number; processedDays: number };
  delivery: { attempts: number; backoffMs: number };
  circuit: { failures: number; halfOpenAfterMs: number };
  polling: { scheduleCheckMs: number };
  workersEnabled: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Only for development and tests: a production boot without SECRETS_KEY fails.
const DEV_SECRETS_KEY = Buffer.alloc(32, 7);

function parseKey(raw: string): Buffer | null {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  return key.length === 32 ? key : null;
}

/** Validates the environment once, naming every bad variable in one error. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(source);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(
        (i) =>
          `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(source[String(i.path[0])])})`,
      );
  let secretsKey: Buffer | null = DEV_SECRETS_KEY;
  const env = parsed.success ? parsed.data : undefined;
  if (source.SECRETS_KEY !== undefined) {
    secretsKey = parseKey(source.SECRETS_KEY);
    if (!secretsKey) problems.push('SECRETS_KEY: must be 32 bytes as 64 hex digits or base64');
  } else if (env?.NODE_ENV === 'production') {
    problems.push('SECRETS_KEY: required in production');
  }
  if (env?.NODE_ENV === 'production' && !env.ADMIN_API_KEY) {
    problems.push('ADMIN_API_KEY: required in production');
  }
  if (problems.length > 0 || !env || !secretsKey) throw new ConfigError(problems);
  return {
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT, inboundMaxBytes: env.INBOUND_MAX_BYTES },
    logLevel: env.LOG_LEVEL,
    database: { url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX },
    rabbit: {
      url: env.RABBITMQ_URL,
      namespace: env.RABBITMQ_NAMESPACE,
      prefetch: env.RABBITMQ_PREFETCH,
      queueType: env.RABBITMQ_QUEUE_TYPE,
      retryDelaysMs: env.RETRY_DELAYS_MS.split(',').map((d) => Number(d.trim())),
    },
    redis: { url: env.REDIS_URL, bullPrefix: env.BULL_PREFIX },
    secretsKey,
    adminApiKey:
      env.ADMIN_API_KEY ?? (env.NODE_ENV === 'production' ? undefined : 'dev-admin-key-change-me'),
    seedDir: env.PARTNER_SEED_DIR,
    seedVariables: Object.fromEntries(
      Object.entries(source).filter(
        (e): e is [string, string] => e[0].startsWith('TRADEHUB_SEED_') && e[1] !== undefined,
      ),
    ),
    outbox: { batchSize: env.OUTBOX_BATCH_SIZE, pollMs: env.OUTBOX_POLL_MS },
    retention: {
      outboxDays: env.OUTBOX_RETENTION_DAYS,
      processedDays: env.PROCESSED_RETENTION_DAYS,
    },
    delivery: { attempts: env.DELIVERY_ATTEMPTS, backoffMs: env.DELIVERY_BACKOFF_MS },
    circuit: { failures: env.CIRCUIT_FAILURES, halfOpenAfterMs: env.CIRCUIT_HALF_OPEN_MS },
    polling: { scheduleCheckMs: env.POLL_SCHEDULE_CHECK_MS },
    workersEnabled: env.WORKERS_ENABLED === 'true',
  };
}
