import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import type { ConnectorCatalog } from '../../core/connector/catalog';
import type { Logger } from '../../core/logging/logger';
import { CONFIG, CONNECTOR_CATALOG, LOGGER, PG_POOL } from '../infra/tokens';
import { INBOUND_POLLERS, PollRuntime } from './poll.runtime';
import { PollWorker } from './poll.worker';
import { readinessCheck } from '../operations/readiness';

/** Inbound polling of partner servers (SFTP folders, API pages) on a bull `poll` queue. */
@Module({
  providers: [
    {
      provide: INBOUND_POLLERS,
      inject: [PG_POOL, CONNECTOR_CATALOG],
      useFactory: (pool: Pool, catalog: ConnectorCatalog) => catalog.pollers({ db: pool }),
    },
    {
      provide: PollWorker,
      inject: [CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => new PollWorker(config, logger),
    },
    PollRuntime,
    // Ready while the schedules' Redis answers; overdue targets are named but do not fail it.
    readinessCheck(
      'poll-schedules',
      [PollWorker, PollRuntime],
      (w: PollWorker, r: PollRuntime) => async () => {
        const overdue = (await r.pollHealth()).filter((t) => t.overdue);
        return {
          ok: await w.ping(),
          detail: { overdue: overdue.map((t) => `${t.partnerId}/${t.kind}/${t.index}`) },
        };
      },
    ),
  ],
  exports: [PollRuntime],
})
export class ConnectorsModule {}
