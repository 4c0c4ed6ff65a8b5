import type { Migration } from '../migration';

/**
 * Indexes the operator console's queries need as the store grows (ADR 0015):
 * - the trade timeline follows references from documents, so trade_refs.document_id is
 *   looked up on every hop (without it each hop read every reference);
 * - partner + state + time window is the console's default filter; with (partner, state,
 *   time) it reads only the window, even when the partner has nothing in it.
 */
export const searchIndexesMigration: Migration = {
  id: '0050-search-indexes',
  sql: /* sql */ `
CREATE INDEX trade_refs_document_idx ON trade_refs (document_id) WHERE document_id IS NOT NULL;
CREATE INDEX messages_partner_state_idx ON messages (partner_id, state, received_at DESC, id DESC);
CREATE INDEX messages_type_idx ON messages (message_type, received_at DESC);
`,
};
