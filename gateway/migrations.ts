import type { Migration } from '../core/storage/migration';
import { coreMigrations } from '../core/storage/migrations';
import { commerceMigration } from './handlers/commerce/commerce.migration';
import { logisticsMigrations } from './handlers/logistics/logistics.migration';

/** Every schema change, core first; domain handler modules add theirs here. */
export const gatewayMigrations: Migration[] = [
  ...coreMigrations,
  commerceMigration,
  ...logisticsMigrations,
];
