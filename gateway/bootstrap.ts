import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../core/config/config';
import type { ConnectorManifest } from '../core/connector/contract';
import { waitForDatabaseServing } from './operations/boot-waiting-room';
import { setOutboundPolicy } from '../connectors/transports/http/outbound-policy';
import { createLogger, type Logger } from '../core/logging/logger';
import { AppModule } from './app.module';
import { ApiKeyAuthenticator } from './auth/api-key.authenticator';
import { fastifyOptions, hardenServer, limitAuthFailures } from './http/http-hardening';
import { refuseNulBytes } from './http/nul-bytes';
import { buildOpenApi, serveOpenApi } from './http/openapi';
import { installBodyParsers } from './http/raw-body';
import { EnvelopeTransport } from './messaging/envelope-transport/envelope.transport';
import { PinoNestLogger } from './infra/pino-nest.logger';

export interface GatewayOptions {
  logger?: Logger;
  /** Extra modules (tests add handlers of their own). */
  imports?: Array<Type | DynamicModule>;
  /** The connectors to run; connectors/registry.ts when absent (tests add a fake one). */
  connectors?: readonly ConnectorManifest[];
}

/** Builds and starts the gateway on its configured host and port; returns the running app. */
export async function startGateway(
  config: AppConfig,
  options: GatewayOptions = {},
): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // Health answers 'starting' on the port while the database is not there yet.
  await waitForDatabaseServing(config, logger);
  setOutboundPolicy(config.outbound);
  const adapter = new FastifyAdapter(fastifyOptions(config));
  installBodyParsers(adapter.getInstance(), config.http.inboundMaxBytes);
  hardenServer(adapter.getInstance(), config);
  refuseNulBytes(adapter.getInstance());
  const root = AppModule.forRoot(config, logger, options.connectors);
  root.imports = [...(root.imports ?? []), ...(options.imports ?? [])];
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // Our own parsers (installBodyParsers) keep partner bodies raw.
    bodyParser: false,
  });
  const authenticator = app.get(ApiKeyAuthenticator);
  await limitAuthFailures(adapter.getInstance(), config, authenticator, (request) =>
    authenticator.recordFailure('rate-limited', request.ip, request.url),
  );
  serveOpenApi(app, buildOpenApi(app));
  app.enableShutdownHooks();
  // Envelope handlers are @EventPattern methods served by this transport (ADR 0008).
  app.connectMicroservice({ strategy: app.get(EnvelopeTransport) });
  try {
    await app.init();
    await app.startAllMicroservices();
  } catch (err) {
    await app.close();
    throw err;
  }
  await app.listen({ host: config.http.host, port: config.http.port });
  return app;
}
