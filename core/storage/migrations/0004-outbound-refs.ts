import type { Migration } from '../migration';

/**
 * Finds an outbound message by the reference a partner's acknowledgement quotes (X12 AK102 =
 * our GS06, EDIFACT UCI 0020 = our UNB 0020), stored as its partner_ref: without it every
 * received 997 or CONTRL would scan the partner's whole outbound history.
 */
export const outboundRefsMigration: Migration = {
  id: '0004-outbound-refs',
  sql: /* sql */ `
CREATE INDEX messages_out_ref_idx ON messages (partner_id, partner_ref, received_at DESC)
  WHERE direction = 'out' AND partner_ref IS NOT NULL;
`,
};
