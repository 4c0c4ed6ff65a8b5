import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AppConfig } from '../../core/config/config';
import type { ConnectorCatalog } from '../../core/connector/catalog';
import type { Logger } from '../../core/logging/logger';
import { CONFIG, CONNECTOR_CATALOG, LOGGER, PG_POOL } from '../infra/tokens';
import { INBOUND_POLLERS, PollRuntime } from './poll.runtime';
import { PollWorker } from './poll.worker';

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
  ],
  exports: [PollRuntime],
})
export class ConnectorsModule {}
