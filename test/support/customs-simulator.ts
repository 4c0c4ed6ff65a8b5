import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { requireShared } from '../../mappings/codecs/xml/shared-dir.testing';
import { generateKeyPairSync } from 'node:crypto';
import {
  MemorySubmissionStore,
  SingleWindowClient,
  type FileExchange,
} from '../../connectors/customs-single-window';
import { CebSchemaValidator, SoftwareRsaSha1Signer } from '../../mappings/cn-customs-outbound';
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

/** TradeHub's Single Window client on an exchange, signing with a throwaway test key. */
export function testSingleWindowClient(exchange: FileExchange, schemaDir: string) {
  const keys = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return new SingleWindowClient(exchange, new MemorySubmissionStore(), {
    signer: new SoftwareRsaSha1Signer(keys.privateKey, 'TEST'),
    validator: new CebSchemaValidator(schemaDir),
    edition: '202205',
    senderId: 'DXPENT0000012345',
    receiverId: 'DXPEDCCEB0000002',
  });
}
