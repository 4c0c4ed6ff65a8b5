import type { DomainService } from '../domain-service';
import { marketingMigration } from './marketing.migration';
import { MarketingModule } from './marketing.module';

export const marketingDomain: DomainService = {
  name: 'marketing',
  module: MarketingModule,
  migrations: [marketingMigration],
};
