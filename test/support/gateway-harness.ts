import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import { createLogger, type Logger } from '../../core/logging/logger';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import { ApiKeyRepository, type Role } from '../../core/storage/api-key.repository';
import { AmqpConnection } from '../../core/messaging/amqp-connection';
import { dropBullQueues } from './bull-cleanup';
import { deleteTopology, topologyNames } from '../../core/messaging/topology';
import { startGateway } from '../../gateway/bootstrap';
import { MessagingRuntime } from '../../gateway/messaging/messaging.runtime';
import { PG_POOL } from '../../gateway/infra/tokens';
import { PARTNER_REGISTRY } from '../../gateway/partners/partners.tokens';
import { dropTestDatabase, testConfig } from './test-config';

export interface TestGateway {
  app: NestFastifyApplication;
  url: string;
  config: AppConfig;
  pool: Pool;
  partners: PartnerRegistry;
  adminKey: string;
  /** Issues an API key of a role (and client) straight in the store. */
  key(role: Role, clientId?: string): Promise<string>;
  /** fetch against the gateway with an optional API key. */
  request(path: string, init?: RequestInit & { key?: string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a real gateway (own database, namespace, bull prefix) on a free port. */
export async function startTestGateway(
  options: {
    env?: Record<string, string>;
    imports?: Array<Type | DynamicModule>;
    config?: AppConfig;
    logger?: Logger;
  } = {},
): Promise<TestGateway> {
  const config = options.config ?? testConfig(options.env);
  const logger = options.logger ?? createLogger(config.logLevel);
  const app = await startGateway(config, { logger, imports: options.imports });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const pool = app.get<Pool>(PG_POOL);
  const keys = new ApiKeyRepository();
  return {
    app,
    url,
    config,
    pool,
    partners: app.get<PartnerRegistry>(PARTNER_REGISTRY),
    adminKey: config.adminApiKey!,
    key: async (role, clientId) =>
      (await keys.create(pool, { name: `test-${role}`, role, clientId })).key,
    request: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (init.key) headers.set('x-api-key', init.key);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      return fetch(`${url}${path}`, { ...init, headers, body });
    },
    close: async () => {
      const consumers = app
        .get(MessagingRuntime)
        .handlerNames()
        .map((name) => ({ name, bindings: [] }));
      await app.close();
      const admin = await AmqpConnection.open({
        url: config.rabbit.url,
        connectionName: `${config.rabbit.namespace}cleanup`,
      });
      await admin.withChannel((ch) =>
        deleteTopology(ch, topologyNames(config.rabbit.namespace), consumers, config.rabbit),
      );
      await admin.close();
    },
  };
}

/** Closes the gateway and drops its database and bull queues. */
export async function stopTestGateway(
  gateway: TestGateway | undefined,
  dropDatabase = true,
): Promise<void> {
  if (!gateway) return;
  await gateway.close();
  if (!dropDatabase) return;
  await dropTestDatabase(gateway.config);
  await dropBullQueues(gateway.config.redis.url, gateway.config.redis.bullPrefix);
}

/** Polls `probe` until it returns a truthy value or the time is up. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 15000,
  everyMs = 50,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(
    `condition not met in ${timeoutMs} ms${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}
