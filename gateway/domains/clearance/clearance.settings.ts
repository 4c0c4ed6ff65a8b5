import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CebParty, CebSender } from '../../../mappings/cn-customs-outbound';

/**
 * Deployment settings of the clearance service, from the environment (see README.md). The
 * schema folder is configuration: production code never reads the project's shared data.
 */
export interface ClearanceSettings {
  /**
   * The customs-single-window partner TradeHub files with: its `folder` or `sftp` transport
   * carries the files, its poller brings the receipts (seeded: `china-single-window`).
   */
  partnerId: string;
  schemaDir?: string;
  edition: '2018' | '202205';
  /** How often the time-based alerts (receipts overdue, registrations expiring) are checked. */
  pollMs: number;
  receiptOverdueMs: number;
  expiryWarningDays: number;
  /** Signing key (PEM file); without one a throwaway key is made: test and demo only. */
  signerKey: () => KeyObject;
  signerKeyName: string;
  dxpId: string;
  receiverId: string;
  /** The platform: e-commerce platform code and declaring agent, and exporter of record. */
  platform: CebParty & { uscc: string };
  customsCode: string;
  portCustomsCode: string;
  /** Monthly CEB701 run (cron, China time); '' turns it off. */
  summaryCron: string;
  /** Data tables; undefined when neither configured nor the samples found (empty tables). */
  restrictedListFile?: string;
  tariffFile?: string;
  remediesFile?: string;
}

/**
 * A sample data file: beside this module when run from source, or in the source tree when run
 * from dist/ (tsc copies no data files); none in an image that ships only dist/.
 */
function sample(name: string): string | undefined {
  const candidates = [
    path.join(__dirname, 'data', name),
    path.resolve(__dirname, '../../../../gateway/domains/clearance/data', name),
  ];
  return candidates.find((c) => existsSync(c));
}

/** A data table's text, '' when there is none (a configured file that is missing throws). */
export function readTable(file: string | undefined): string {
  return file ? readFileSync(file, 'utf8') : '';
}

function signerKey(file: string | undefined): () => KeyObject {
  let key: KeyObject | undefined;
  // Made on first use: a gateway that never submits never pays for a key pair.
  return () =>
    (key ??= file
      ? createPrivateKey(readFileSync(file))
      : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
}

export function clearanceSettings(env: NodeJS.ProcessEnv = process.env): ClearanceSettings {
  return {
    partnerId: env.CLEARANCE_PARTNER_ID || 'china-single-window',
    schemaDir: env.CUSTOMS_SCHEMA_DIR,
    edition: env.CUSTOMS_CEB_EDITION === '2018' ? '2018' : '202205',
    pollMs: Number(env.CLEARANCE_POLL_MS ?? 1000),
    receiptOverdueMs: Number(env.CLEARANCE_RECEIPT_OVERDUE_MS ?? 4 * 3600_000),
    expiryWarningDays: Number(env.CLEARANCE_EXPIRY_WARNING_DAYS ?? 30),
    signerKey: signerKey(env.CLEARANCE_SIGNER_KEY_FILE),
    signerKeyName: env.CLEARANCE_SIGNER_KEY_NAME ?? 'software-test-key',
    dxpId: env.CLEARANCE_DXP_ID ?? 'DXPENT0000000000',
    receiverId: env.CLEARANCE_DXP_RECEIVER ?? 'DXPEDCCEB0000002',
    platform: {
      code: env.CLEARANCE_PLATFORM_CODE ?? '3302961234',
      name: env.CLEARANCE_PLATFORM_NAME ?? 'TradeHub platform',
      uscc: env.CLEARANCE_PLATFORM_USCC ?? '91330200MA2AB12C0U',
    },
    summaryCron: env.CLEARANCE_SUMMARY_CRON ?? '0 2 1 * *',
    customsCode: env.CLEARANCE_CUSTOMS_CODE ?? '3105',
    portCustomsCode: env.CLEARANCE_PORT_CUSTOMS_CODE ?? '3105',
    restrictedListFile: env.CLEARANCE_RESTRICTED_LIST ?? sample('restricted-parties-sample.json'),
    tariffFile: env.CLEARANCE_TARIFF_FILE ?? sample('tariff-sample.csv'),
    remediesFile: env.CLEARANCE_REMEDIES_FILE ?? sample('trade-remedies-sample.csv'),
  };
}

export function senderOf(s: ClearanceSettings): CebSender {
  return { code: s.platform.code, name: s.platform.name, dxpId: s.dxpId };
}

export const CLEARANCE_SETTINGS = Symbol('CLEARANCE_SETTINGS');
