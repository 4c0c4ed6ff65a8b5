import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TradeError } from '../../core/errors/trade-error';

/**
 * Test support for golden folders: `<case>.json` inputs beside `<case>.expected.json`
 * results, refusal inputs under `reject/`.
 */
export function goldenFolder(dir: string) {
  return {
    dir,
    read: (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8')),
    cases: readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
      .map((f) => f.replace(/\.json$/, '')),
  };
}

/** The TradeError a run throws; anything else (or nothing) fails the test. */
export function tradeErrorOf(run: () => unknown): TradeError {
  try {
    run();
  } catch (e) {
    if (e instanceof TradeError) return e;
    throw e;
  }
  throw new Error('expected a TradeError');
}
