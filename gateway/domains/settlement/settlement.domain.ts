import type { DomainService } from '../domain-service';
import { settlementMigrations } from './settlement.migration';
import { SettlementModule } from './settlement.module';

export const settlementDomain: DomainService = {
  name: 'settlement',
  module: SettlementModule,
  migrations: settlementMigrations,
};
