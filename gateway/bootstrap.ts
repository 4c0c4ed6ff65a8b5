import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../core/config/config';
import type { ConnectorManifest } from '../core/connector/contract';
import { createLogger, type Logger } from '../core/logging/logger';
import { AppModule } from './app.module';
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
  const adapter = new FastifyAdapter({ bodyLimit: config.http.inboundMaxBytes, trustProxy: true });
  installBodyParsers(adapter.getInstance(), config.http.inboundMaxBytes);
  const root = AppModule.forRoot(config, logger, options.connectors);
  root.imports = [...(root.imports ?? []), ...(options.imports ?? [])];
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // Our own parsers (installBodyParsers) keep partner bodies raw.
    bodyParser: false,
  });
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
