import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { stringify } from 'yaml';
import { carrierPartnerRecord } from '../../connectors/carrier-edifact/carrier-partner';
import { sinoIftsta } from '../../connectors/carrier-edifact/__fixtures__/carrier-files.fixture';
import { sinoOceanLines } from '../../mappings/carrier-edifact/__fixtures__/carrier-partners.fixture';
import type { SftpTestServer } from '../support/sftp-server';

/**
 * The file-based partner of the load: a carrier dropping IFTSTA interchanges (two container
 * events each) on the suite's own sshd, polled every second by the gateway's bull schedule,
 * each file answered with a CONTRL uploaded back. A Redis restart must bring the schedule back.
 */
export const CARRIER_ID = 'faults-carrier';

export function carrierSeedYaml(server: SftpTestServer): string {
  const sftp = server.settings(CARRIER_ID, { completeness: 'edifact-unz', pollIntervalSec: 1 });
  const record = carrierPartnerRecord({
    id: CARRIER_ID,
    name: 'Fault suite carrier',
    settings: sinoOceanLines.settings,
    sftp,
  });
  return stringify(record);
}

/** The interchange reference of a run's k-th file (UNB 0020: at most 14 characters). */
export const fileRef = (run: string, k: number) => `F${run}${k}`;

export function dropFile(server: SftpTestServer, run: string, k: number): void {
  const { inboundDir } = server.folders(CARRIER_ID);
  writeFileSync(join(inboundDir, `IFTSTA_${fileRef(run, k)}.edi`), sinoIftsta(fileRef(run, k)));
}

/** Per interchange reference of the run: originals stored, their events, events handled. */
export interface FileCounts {
  stored: Map<string, number>;
  events: Map<string, number>;
  handled: Map<string, number>;
  /** CONTRL answers uploaded (state sent) for the run's files. */
  answered: number;
}

export async function fileCounts(pool: Pool, run: string): Promise<FileCounts> {
  const ref = `substring(convert_from(p.raw, 'LATIN1') from 'UNZ\\+1\\+(F${run}[0-9]+)')`;
  const { rows } = await pool.query<{ ref: string; events: number; handled: number }>(
    `SELECT ${ref} AS ref,
            (SELECT count(*) FROM documents d WHERE d.message_id = m.id)::int AS events,
            (SELECT count(*) FROM documents d JOIN processed_envelopes p
                 ON p.envelope_id = d.id AND p.consumer = 'logistics-timeline'
              WHERE d.message_id = m.id)::int AS handled
       FROM messages m JOIN message_payloads p ON p.message_id = m.id
      WHERE m.partner_id = $1 AND m.direction = 'in' AND m.duplicate_of IS NULL`,
    [CARRIER_ID],
  );
  const counts: FileCounts = {
    stored: new Map(),
    events: new Map(),
    handled: new Map(),
    answered: 0,
  };
  for (const row of rows) {
    if (!row.ref) continue;
    counts.stored.set(row.ref, (counts.stored.get(row.ref) ?? 0) + 1);
    counts.events.set(row.ref, (counts.events.get(row.ref) ?? 0) + row.events);
    counts.handled.set(row.ref, (counts.handled.get(row.ref) ?? 0) + row.handled);
  }
  const answers = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM messages JOIN message_payloads p ON p.message_id = messages.id
      WHERE partner_id = $1 AND direction = 'out' AND state IN ('sent', 'acknowledged')
        AND convert_from(p.raw, 'LATIN1') LIKE $2`,
    [CARRIER_ID, `%UCI+F${run}%`],
  );
  counts.answered = answers.rows[0].n;
  return counts;
}

/** Files whose two events were each handled (the run is drained for files at `dropped`). */
export async function filesHandled(pool: Pool, run: string): Promise<number> {
  const counts = await fileCounts(pool, run);
  return [...counts.handled.values()].filter((n) => n >= 2).length;
}
