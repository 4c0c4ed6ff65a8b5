import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TradeError } from '../errors/trade-error';
import { ClientRecordSchema, type ClientRecord } from './partner.schema';

export interface SeedSet {
  clients: ClientRecord[];
  partners: Array<{ record: unknown; file: string }>;
}

// `${NAME}` (or `${NAME:-default}`) in a seed file is taken from the variables given
// (TRADEHUB_SEED_* in the environment), so real secrets never sit in the repository.
function interpolate(text: string, vars: Record<string, string>, file: string): string {
  return text.replace(/\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g, (_, name: string, fallback?: string) => {
    const value = vars[name] ?? fallback;
    if (value === undefined) throw new TradeError('config', `${file}: variable ${name} is not set`);
    return value;
  });
}

function readDoc(file: string, vars: Record<string, string>): unknown {
  const text = interpolate(readFileSync(file, 'utf8'), vars, file);
  return file.endsWith('.json') ? JSON.parse(text) : parse(text);
}

/** Reads `clients.yaml` and every `partners/*.yaml|json` of a seed folder. */
export function readSeedFolder(dir: string, vars: Record<string, string> = {}): SeedSet {
  if (!existsSync(dir)) return { clients: [], partners: [] };
  const clientsFile = join(dir, 'clients.yaml');
  const rawClients = existsSync(clientsFile) ? readDoc(clientsFile, vars) : [];
  const clients = (Array.isArray(rawClients) ? rawClients : []).map((c, i) => {
    const parsed = ClientRecordSchema.safeParse(c);
    if (!parsed.success)
      throw new TradeError('config', `${clientsFile}[${i}]: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
  const partnerDir = join(dir, 'partners');
  const files = existsSync(partnerDir)
    ? readdirSync(partnerDir)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
    : [];
  const partners = files.map((f) => ({
    record: readDoc(join(partnerDir, f), vars),
    file: join(partnerDir, f),
  }));
  return { clients, partners };
}
