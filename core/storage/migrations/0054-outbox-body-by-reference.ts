import type { Migration } from '../migration';

/**
 * An event whose envelope is stored as a document in the same transaction (everything the
 * normalizer publishes) is not written a second time into the outbox: its row holds no body
 * and the relay reads `documents.envelope`. Writing, compressing and logging the envelope twice
 * (and once more when the row is marked published) was a tenth of the pipeline's database work
 * (ADR 0005). `outbox_events` is the outbox with every row's envelope, for readers and tests.
 */
export const outboxBodyByReferenceMigration: Migration = {
  id: '0054-outbox-body-by-reference',
  sql: /* sql */ `
ALTER TABLE outbox ALTER COLUMN body DROP NOT NULL;
CREATE VIEW outbox_events AS
  SELECT o.*, COALESCE(o.body, d.envelope) AS envelope
    FROM outbox o LEFT JOIN documents d ON o.body IS NULL AND d.id = o.envelope_id;
`,
};
