import type { Migration } from '../migration';
import { messageStoreMigration } from './0001-message-store';
import { controlNumbersMigration } from './0002-control-numbers';
import { pollStateMigration } from './0003-poll-state';
import { outboundRefsMigration } from './0004-outbound-refs';
import { normalizerInboxMigration } from './0005-normalizer-inbox';
import { webhookAuthFailuresMigration } from './0010-webhook-auth-failures';
import { failedMessageRefsMigration } from './0040-failed-message-refs';
import { searchIndexesMigration } from './0050-search-indexes';
import { auditLogMigration } from './0051-audit-log';
import { rawRetentionMigration } from './0052-raw-retention';
import { messagePayloadsMigration } from './0053-message-payloads';
import { outboxBodyByReferenceMigration } from './0054-outbox-body-by-reference';

/** Every core migration, in order; runMigrations sorts by id as well. */
export const coreMigrations: Migration[] = [
  messageStoreMigration,
  controlNumbersMigration,
  pollStateMigration,
  outboundRefsMigration,
  normalizerInboxMigration,
  webhookAuthFailuresMigration,
  failedMessageRefsMigration,
  searchIndexesMigration,
  auditLogMigration,
  rawRetentionMigration,
  messagePayloadsMigration,
  outboxBodyByReferenceMigration,
];
