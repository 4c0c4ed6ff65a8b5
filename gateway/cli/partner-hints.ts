import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import { PartnerRecordSchema, type PartnerFormat } from '../../core/partners/partner.schema';
import { readSeedFolder } from '../../core/partners/seed-files';
import type { EnvelopeChecks } from '../../mappings/pipeline/lenient-registry';

/** What the CLI needs of a partner record: its id, client and format hints with settings. */
export interface PartnerView {
  id: string;
  clientId?: string;
  formats: PartnerFormat[];
  /** The record's envelope checks: 'lenient' parses as `--lenient` does. */
  checks?: EnvelopeChecks;
}

// `${NAME}` without a default and without a value would stop the seed folder from loading.
// The CLI never uses transports or secrets, so those are filled with a visible placeholder.
const REQUIRED_VARIABLE = /\$\{([A-Z0-9_]+)\}/g;
const UNSET = '(unset)';

function placeholders(seedDir: string, vars: Record<string, string>): Record<string, string> {
  const partnerDir = path.join(seedDir, 'partners');
  const files = existsSync(partnerDir)
    ? readdirSync(partnerDir).map((f) => path.join(partnerDir, f))
    : [];
  const filled = { ...vars };
  for (const file of [path.join(seedDir, 'clients.yaml'), ...files]) {
    if (!existsSync(file) || !/\.(ya?ml|json)$/.test(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(REQUIRED_VARIABLE))
      filled[match[1]] ??= UNSET;
  }
  return filled;
}

/** The seed partner `partnerId` from `seedDir` (the gateway's PARTNER_SEED_DIR layout). */
export function loadPartner(
  seedDir: string,
  partnerId: string,
  vars: Record<string, string> = {},
): PartnerView {
  const seed = readSeedFolder(seedDir, placeholders(seedDir, vars));
  const ids: string[] = [];
  for (const { record, file } of seed.partners) {
    const id = (record as { id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.push(id);
    if (id !== partnerId) continue;
    const parsed = PartnerRecordSchema.safeParse(record);
    if (!parsed.success)
      throw new TradeError('config', `${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const { clientId, formats, settings } = parsed.data;
    return { id: partnerId, clientId, formats, checks: settings.checks };
  }
  throw new TradeError(
    'config',
    `no partner ${partnerId} in ${seedDir} (known: ${ids.sort().join(', ') || 'none'})`,
  );
}
