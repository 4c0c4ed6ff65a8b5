import type { Migration } from '../migration';

/** Interchange control numbers per partner and purpose (EDIFACT UNB 0020, X12 ISA13/GS06). */
export const controlNumbersMigration: Migration = {
  id: '0002-control-numbers',
  sql: /* sql */ `
CREATE TABLE control_numbers (
  partner_id  text NOT NULL,
  purpose     text NOT NULL,
  last_value  bigint NOT NULL,
  PRIMARY KEY (partner_id, purpose)
);
`,
};
