import type { Migration } from '../migration';
import { messageStoreMigration } from './0001-message-store';

/** Every core migration, in order; runMigrations sorts by id as well. */
export const coreMigrations: Migration[] = [messageStoreMigration];
