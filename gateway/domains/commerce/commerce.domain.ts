import type { DomainService } from '../domain-service';
import { commerceMigration, commerceWorkMigration } from './commerce.migration';
import { CommerceModule } from './commerce.module';

export const commerceDomain: DomainService = {
  name: 'commerce',
  module: CommerceModule,
  migrations: [commerceMigration, commerceWorkMigration],
};
