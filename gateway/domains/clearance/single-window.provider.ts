import * as path from 'node:path';
import type { Provider } from '@nestjs/common';
import {
  FolderExchange,
  MemorySubmissionStore,
  SingleWindowClient,
  type Submission,
  type ReceiptPoll,
} from '../../../connectors/customs-single-window';
import type { CebMessageInput } from '../../../mappings/codecs/cn-customs/ceb-write';
import { CebSchemaValidator, SoftwareRsaSha1Signer } from '../../../mappings/cn-customs-outbound';
import { CLEARANCE_SETTINGS, type ClearanceSettings } from './clearance.settings';

export const SINGLE_WINDOW = Symbol('SINGLE_WINDOW');

/** What the clearance service uses of the connector. */
export interface SingleWindowClientLike {
  submit(input: CebMessageInput): Promise<Submission>;
  submitAll(inputs: readonly CebMessageInput[]): Promise<Submission[]>;
  poll(): Promise<ReceiptPoll>;
}

/** Without an exchange folder and schema folder the service drafts but cannot submit. */
class NotConfigured implements SingleWindowClientLike {
  submit(): Promise<Submission> {
    return Promise.reject(new Error('CLEARANCE_EXCHANGE_DIR and CUSTOMS_SCHEMA_DIR are not set'));
  }
  submitAll(): Promise<Submission[]> {
    return this.submit().then((s) => [s]);
  }
  poll(): Promise<ReceiptPoll> {
    return Promise.resolve({ receipts: [], failures: [], warnings: [] });
  }
}

export const singleWindowProvider: Provider = {
  provide: SINGLE_WINDOW,
  inject: [CLEARANCE_SETTINGS],
  useFactory: (s: ClearanceSettings): SingleWindowClientLike => {
    if (!s.exchangeDir || !s.schemaDir) return new NotConfigured();
    // Submissions are tracked in the declarations table; the connector's store only spans a run.
    return new SingleWindowClient(
      new FolderExchange({
        outDir: path.join(s.exchangeDir, 'out'),
        inDir: path.join(s.exchangeDir, 'in'),
      }),
      new MemorySubmissionStore(),
      {
        signer: new SoftwareRsaSha1Signer(s.signerKey(), s.signerKeyName),
        validator: new CebSchemaValidator(s.schemaDir),
        edition: s.edition,
        senderId: s.dxpId,
        receiverId: s.receiverId,
      },
    );
  },
};
