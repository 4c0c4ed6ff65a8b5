import type { DomainService } from '../domain-service';
import { rebateMigrations } from './rebate.migration';
import { RebateModule } from './rebate.module';

export const rebateDomain: DomainService = {
  name: 'rebate',
  module: RebateModule,
  migrations: rebateMigrations,
};
