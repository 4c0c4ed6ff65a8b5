import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { requireShared } from '../../mappings/codecs/xml/shared-dir.testing';
import { CustomsSimulator } from '../customs-simulator/customs-simulator';

export interface RunningSimulator {
  simulator: CustomsSimulator;
  /** TradeHub writes here, the simulator reads. */
  outDir: string;
  /** The simulator answers here, TradeHub polls. */
  inDir: string;
  schemaDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the Single Window simulator on a fresh folder pair. It validates against the official
 * XSDs (../shared/schemas/china-customs), so its suites are `*.shared.test.ts`.
 */
export function startCustomsSimulator(now?: () => Date): RunningSimulator {
  const schemaDir = requireShared('schemas', 'china-customs');
  const root = mkdtempSync(path.join(tmpdir(), 'customs-exchange-'));
  const outDir = path.join(root, 'out');
  const inDir = path.join(root, 'in');
  const simulator = new CustomsSimulator({
    watchDir: outDir,
    answerDir: inDir,
    schemaDir,
    pollMs: 50,
    now,
  });
  simulator.start();
  return {
    simulator,
    outDir,
    inDir,
    schemaDir,
    async stop() {
      await simulator.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
