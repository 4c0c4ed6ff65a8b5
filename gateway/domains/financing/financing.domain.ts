import type { DomainService } from '../domain-service';
import { financingMigrations } from './financing.migration';
import { FinancingModule } from './financing.module';

export const financingDomain: DomainService = {
  name: 'financing',
  module: FinancingModule,
  migrations: financingMigrations,
};
