import type { DomainService } from '../domain-service';
import { logisticsMigrations } from './logistics.migration';
import { LogisticsModule } from './logistics.module';

export const logisticsDomain: DomainService = {
  name: 'logistics',
  module: LogisticsModule,
  migrations: logisticsMigrations,
};
