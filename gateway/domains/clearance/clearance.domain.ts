import type { DomainService } from '../domain-service';
import { clearanceMigrations } from './clearance.migration';
import { ClearanceModule } from './clearance.module';

export const clearanceDomain: DomainService = {
  name: 'clearance',
  module: ClearanceModule,
  migrations: clearanceMigrations,
};
