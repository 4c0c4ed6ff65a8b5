import type { Migration } from '../core/storage/migration';
import { coreMigrations } from '../core/storage/migrations';
import { domainServices } from './domains/domains';

/** Every schema change: core's, then each domain service's own (ids sort them when run). */
export const gatewayMigrations: Migration[] = [
  ...coreMigrations,
  ...domainServices.flatMap((domain) => domain.migrations),
];
