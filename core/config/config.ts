import { isIP } from 'node:net';
import { z } from 'zod';
import { DEV_ADMIN_API_KEY, weakAdminKey, weakSecretsKey } from './secret-strength';

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
  /** Proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDRs; none by default. */
  TRUST_PROXY: z
    .string()
    .default('')
    .refine(
      (v) => v.split(',').every((p) => isIpOrCidr(p.trim()) || !p.trim()),
      'IP addresses or CIDRs',
    ),
  /** A client must send its request headers within this time, and the whole request within the next. */
  HTTP_HEADERS_TIMEOUT_MS: int(10_000, 100),
  HTTP_REQUEST_TIMEOUT_MS: int(60_000, 100),
  HTTP_MAX_CONNECTIONS: int(1024, 1),
  /** Failed operator API authentications allowed per remote address and minute, then 429. */
  AUTH_FAILURES_PER_MINUTE: int(30, 1),
  /** Outbound partner URLs may use plain http (https only by default). */
  OUTBOUND_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
  /** Private, loopback or link-local networks (CIDRs) every partner may reach; none by default. */
  OUTBOUND_ALLOWED_NETWORKS: z
    .string()
    .default('')
    .refine((v) => v.split(',').every((p) => isIpOrCidr(p.trim()) || !p.trim()), 'CIDRs'),
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
  /**
   * A domain handler's transaction may wait this long in one statement (a lock, a stuck query);
   * then PostgreSQL cancels it (57014) and the delivery is retried, then dead-lettered.
   */
  HANDLER_TIMEOUT_MS: int(30_000, 100),
  DELIVERY_ATTEMPTS: int(6, 1),
  DELIVERY_BACKOFF_MS: int(2000, 1),
  /** Consecutive transient failures that open a partner endpoint's circuit breaker. */
  CIRCUIT_FAILURES: int(5, 1),
  /** How long an open circuit leaves the partner alone before one test call. */
  CIRCUIT_HALF_OPEN_MS: int(30_000, 100),
  /** How often the repeatable poll jobs in Redis are checked against the partner records. */
  POLL_SCHEDULE_CHECK_MS: int(60_000, 100),
  /** How often the credit insurance run sends due shipment declarations and overdue notices. */
  INSURANCE_RUN_MS: int(600_000, 100),
  /** Published outbox rows and idempotency records are kept this long, then deleted. */
  OUTBOX_RETENTION_DAYS: int(7, 1),
  PROCESSED_RETENTION_DAYS: int(30, 1),
  /**
   * Raw payloads of settled messages are kept this many days, then dropped (the record, hash,
   * references, documents and state history stay; ADR 0019). Unset: kept for good.
   */
  RAW_RETENTION_DAYS: z.coerce.number().int().min(1).optional(),
  /** Messages this large or larger are parsed and mapped in worker threads, off the HTTP thread. */
  NORMALIZER_WORKER_MIN_BYTES: int(1024 * 1024, 1),
  /** Worker threads (so large messages translated at once) and each one's heap cap. */
  NORMALIZER_WORKERS: int(2, 1),
  NORMALIZER_WORKER_MEMORY_MB: int(512, 16),
  /** Run the outbox relay, consumers and bull workers in this process (off for API-only nodes). */
  WORKERS_ENABLED: z.enum(['true', 'false']).default('true'),
  /**
   * The handler queues this process consumes, comma separated (`commerce,logistics`), or `*`.
   * Every process still declares every queue, so events published before a role's process
   * starts wait in its queue: roles split the work, they never drop it.
   */
  HANDLERS: z
    .string()
    .default('*')
    .refine(
      (v) => v.trim() === '*' || list(v).length > 0,
      'a comma-separated list of handler names, or *',
    ),
});

export type Env = z.infer<typeof EnvSchema>;

function isIpOrCidr(value: string): boolean {
  const [ip, bits, ...rest] = value.split('/');
  const family = isIP(ip);
  if (!family || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const list = (v: string) =>
  v
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);

export { DEV_ADMIN_API_KEY };

export interface AppConfig {
  env: Env['NODE_ENV'];
  http: {
    host: string;
    port: number;
    inboundMaxBytes: number;
    trustProxy: string[];
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    maxConnections: number;
    authFailuresPerMinute: number;
  };
  /** What outbound partner URLs may point at (see core/security/outbound-url-policy.ts). */
  outbound: { allowHttp: boolean; allowedNetworks: string[] };
  logLevel: Env['LOG_LEVEL'];
  database: { url: string; poolMax: number };
  rabbit: {
    url: string;
    namespace: string;
    prefetch: number;
    queueType: 'quorum' | 'classic';
    retryDelaysMs: number[];
    /** Statement timeout inside a handler's transaction (HANDLER_TIMEOUT_MS). */
    handlerTimeoutMs: number;
  };
  redis: { url: string; bullPrefix: string };
  secretsKey: Buffer;
  adminApiKey?: string;
  seedDir: string;
  /** TRADEHUB_SEED_* variables, usable as `${NAME}` in seed files (secrets stay out of the repo). */
  seedVariables: Record<string, string>;
  outbox: { batchSize: number; pollMs: number };
  retention: { outboxDays: number; processedDays: number; rawDays?: number };
  delivery: { attempts: number; backoffMs: number };
  circuit: { failures: number; halfOpenAfterMs: number };
  polling: { scheduleCheckMs: number };
  insurance: { runEveryMs: number };
  workersEnabled: boolean;
  /** Handler queues consumed here: 'all', or the names given (checked against the handlers at boot). */
  handlers: 'all' | string[];
  /** Large messages are translated in a bounded pool of worker threads. */
  normalizerWorkers: { minBytes: number; size: number; memoryMb: number };
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
  if (env && env.NODE_ENV !== 'development' && env.ADMIN_API_KEY === DEV_ADMIN_API_KEY) {
    problems.push(`ADMIN_API_KEY: the development default is refused in ${env.NODE_ENV}`);
  } else if (env?.NODE_ENV === 'production') {
    // A default or weak secret in production is refused at boot, naming each (issue 16).
    const weak = [
      secretsKey && source.SECRETS_KEY !== undefined ? weakSecretsKey(secretsKey) : undefined,
      env.ADMIN_API_KEY ? weakAdminKey(env.ADMIN_API_KEY) : undefined,
    ];
    problems.push(...weak.filter((w): w is string => w !== undefined));
  }
  if (problems.length > 0 || !env || !secretsKey) throw new ConfigError(problems);
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      inboundMaxBytes: env.INBOUND_MAX_BYTES,
      trustProxy: list(env.TRUST_PROXY),
      headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      maxConnections: env.HTTP_MAX_CONNECTIONS,
      authFailuresPerMinute: env.AUTH_FAILURES_PER_MINUTE,
    },
    outbound: {
      allowHttp: env.OUTBOUND_ALLOW_HTTP === 'true',
      allowedNetworks: list(env.OUTBOUND_ALLOWED_NETWORKS),
    },
    logLevel: env.LOG_LEVEL,
    database: { url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX },
    rabbit: {
      url: env.RABBITMQ_URL,
      namespace: env.RABBITMQ_NAMESPACE,
      prefetch: env.RABBITMQ_PREFETCH,
      queueType: env.RABBITMQ_QUEUE_TYPE,
      retryDelaysMs: env.RETRY_DELAYS_MS.split(',').map((d) => Number(d.trim())),
      handlerTimeoutMs: env.HANDLER_TIMEOUT_MS,
    },
    redis: { url: env.REDIS_URL, bullPrefix: env.BULL_PREFIX },
    secretsKey,
    adminApiKey:
      env.ADMIN_API_KEY ?? (env.NODE_ENV === 'development' ? DEV_ADMIN_API_KEY : undefined),
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
      ...(env.RAW_RETENTION_DAYS ? { rawDays: env.RAW_RETENTION_DAYS } : {}),
    },
    delivery: { attempts: env.DELIVERY_ATTEMPTS, backoffMs: env.DELIVERY_BACKOFF_MS },
    circuit: { failures: env.CIRCUIT_FAILURES, halfOpenAfterMs: env.CIRCUIT_HALF_OPEN_MS },
    polling: { scheduleCheckMs: env.POLL_SCHEDULE_CHECK_MS },
    insurance: { runEveryMs: env.INSURANCE_RUN_MS },
    workersEnabled: env.WORKERS_ENABLED === 'true',
    handlers: env.HANDLERS.trim() === '*' ? 'all' : list(env.HANDLERS),
    normalizerWorkers: {
      minBytes: env.NORMALIZER_WORKER_MIN_BYTES,
      size: env.NORMALIZER_WORKERS,
      memoryMb: env.NORMALIZER_WORKER_MEMORY_MB,
    },
  };
}
