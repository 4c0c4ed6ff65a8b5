import type { Migration } from '../migration';

/**
 * Stored inbound messages reach the normalizer through this table instead of an outbox row,
 * a publish and a delivery (ADR 0005): the intake adds a row in its own statement, normalizers
 * claim rows with FOR UPDATE SKIP LOCKED and delete them in the transaction that stores the
 * result. Hand-offs still in flight the old way (an `ingest.message.received` outbox row the
 * normalizer has not processed) become rows here, so none is lost by the switch.
 */
export const normalizerInboxMigration: Migration = {
  id: '0005-normalizer-inbox',
  sql: /* sql */ `
CREATE TABLE normalizer_inbox (
  id          bigserial PRIMARY KEY,
  message_id  uuid NOT NULL REFERENCES messages (id),
  -- 0 for the first run; a replay counts up, so its canonical envelopes get new ids.
  generation  int NOT NULL,
  attempts    int NOT NULL DEFAULT 0,
  -- A transient failure is retried after a delay; the row waits until then.
  not_before  timestamptz NOT NULL DEFAULT now(),
  last_error  text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX normalizer_inbox_due_idx ON normalizer_inbox (not_before, id);

INSERT INTO normalizer_inbox (message_id, generation)
SELECT (o.body->'payload'->>'messageId')::uuid, (o.body->'payload'->>'generation')::int
  FROM outbox o
 WHERE o.routing_key = 'ingest.message.received'
   AND NOT EXISTS (SELECT 1 FROM processed_envelopes p
                    WHERE p.consumer = 'normalizer' AND p.envelope_id = o.envelope_id)
 ORDER BY o.id;
DELETE FROM outbox WHERE routing_key = 'ingest.message.received' AND published_at IS NULL;
`,
};
