import { TradeError } from '../../core/errors/trade-error';
import { gatewayFormatRegistry } from '../connectors/format-registry';
import type { FormatRegistry } from '../../mappings/pipeline/format-registry';
import { lenientRegistry } from '../../mappings/pipeline/lenient-registry';
import { loadPartner, type PartnerView } from './partner-hints';

/** Where a command writes: stdout lines and stderr lines (tests collect them). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** Exit statuses of the commands. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** What every command gets from the entry point instead of reading the process itself. */
export interface CliEnvironment {
  io: CliIo;
  /** Seed folder of partner records (PARTNER_SEED_DIR layout). */
  seedDir: string;
  /** TRADEHUB_SEED_* variables for `${NAME}` in seed files. */
  seedVariables: Record<string, string>;
  now: () => Date;
}

export interface Registries {
  strict: FormatRegistry;
  lenient: FormatRegistry;
}

export function createRegistries(): Registries {
  const strict = gatewayFormatRegistry();
  return { strict, lenient: lenientRegistry(strict) };
}

/** The partner named by --partner, or the anonymous CLI partner without hints. */
export function partnerFor(env: CliEnvironment, partnerId: string | undefined): PartnerView {
  if (!partnerId) return { id: 'cli', formats: [] };
  return loadPartner(env.seedDir, partnerId, env.seedVariables);
}

/**
 * Runs a command body; a config or usage problem (missing path, unknown partner) is printed
 * and becomes exit status 2. Anything else is a crash and propagates.
 */
export async function withUsageErrors(
  io: CliIo,
  body: () => number | Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof TradeError && err.kind === 'config') {
      io.err(`tradehub: ${err.message}`);
      return EXIT.usage;
    }
    throw err;
  }
}
