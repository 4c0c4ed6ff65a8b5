import type { DomainService } from '../domain-service';
import { feesMigrations } from './fees.migration';
import { FeesModule } from './fees.module';

export const feesDomain: DomainService = {
  name: 'fees',
  module: FeesModule,
  migrations: feesMigrations,
};
