import { createHash } from 'node:crypto';

/**
 * A fixed SQL text run as a named prepared statement: each connection parses and plans it once
 * instead of on every call. Kept for the statements every message runs (intake, normalizer,
 * outbox, consumers), where parsing and planning were about a tenth of PostgreSQL's time
 * (ADR 0005). Only for texts that never vary: the name stands for one text, and a text built
 * per call (search filters) would fill every connection with plans nobody reuses.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

export function prepared(text: string): PreparedStatement {
  return { name: `th_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
}
