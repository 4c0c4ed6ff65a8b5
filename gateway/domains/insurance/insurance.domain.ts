import type { DomainService } from '../domain-service';
import { insuranceMigrations } from './insurance.migration';
import { InsuranceModule } from './insurance.module';

export const insuranceDomain: DomainService = {
  name: 'insurance',
  module: InsuranceModule,
  migrations: insuranceMigrations,
};
