import { createServer, type Server } from 'node:http';
import type { AppConfig } from '../../core/config/config';
import type { Logger } from '../../core/logging/logger';
import { waitForDatabase } from '../../core/storage/database';

/**
 * Until PostgreSQL answers, the gateway cannot build its modules, so Nest has no port open yet.
 * Meanwhile a plain server on the gateway's port says what it waits for: `/health/live` 200
 * (the process is fine: do not restart it), `/health/ready` and everything else 503 with
 * Retry-After. It closes before the gateway listens on the same port.
 */
export async function waitForDatabaseServing(config: AppConfig, logger: Logger): Promise<void> {
  let room: Server | undefined;
  let lastError = '';
  await waitForDatabase(config.database.url, (err, waitMs, tries) => {
    lastError = err instanceof Error ? err.message : String(err);
    logger.warn(
      { err: lastError, tries, waitMs },
      'PostgreSQL is not reachable yet; waiting before the next try',
    );
    if (!room && config.http.port !== 0) room = openWaitingRoom(config, () => lastError, logger);
  });
  if (room) await new Promise<void>((resolve) => room!.close(() => resolve()));
}

function openWaitingRoom(config: AppConfig, lastError: () => string, logger: Logger): Server {
  const server = createServer((request, reply) => {
    const live = request.url === '/health/live';
    reply.writeHead(live ? 200 : 503, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...(live ? {} : { 'retry-after': '5' }),
    });
    reply.end(
      JSON.stringify(
        live
          ? { status: 'ok' }
          : { status: 'starting', waitingFor: 'postgresql', detail: lastError() },
      ),
    );
  });
  server.on('error', (err) => logger.warn({ err: err.message }, 'waiting-room server failed'));
  server.listen(config.http.port, config.http.host);
  return server;
}
