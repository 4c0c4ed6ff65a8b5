import type { Migration } from '../core/storage/migration';
import { messageStoreMigration } from '../core/storage/migrations/0001-message-store';

/** Every schema change, core first; domain handler modules add theirs here. */
export const gatewayMigrations: Migration[] = [messageStoreMigration];
