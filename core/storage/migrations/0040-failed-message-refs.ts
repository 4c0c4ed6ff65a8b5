import type { Migration } from '../migration';

/**
 * References read from a message that failed (leniently, to find it again by its B/L or
 * container) are indexed beside the others but marked: they come from no published document,
 * and a later successful run of the message replaces them.
 */
export const failedMessageRefsMigration: Migration = {
  id: '0040-failed-message-refs',
  sql: /* sql */ `
ALTER TABLE trade_refs ADD COLUMN from_failed boolean NOT NULL DEFAULT false;
CREATE INDEX trade_refs_failed_idx ON trade_refs (message_id) WHERE from_failed;
`,
};
