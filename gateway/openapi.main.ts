import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { loadConfig } from '../core/config/config';
import { createLogger } from '../core/logging/logger';
import { AppModule } from './app.module';
import { buildOpenApi } from './http/openapi';

/**
 * Writes the OpenAPI description (`npm run openapi` -> docs/openapi.json) without connecting to
 * anything: the app graph is built in preview mode, so no provider factory runs.
 */
async function main(target = 'docs/openapi.json'): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(
    AppModule.forRoot(config, createLogger('silent')),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  writeFileSync(target, `${JSON.stringify(buildOpenApi(app), null, 2)}\n`);
  await app.close();
}

main(process.argv[2]).catch((err: unknown) => {
  process.stderr.write(
    `openapi: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
