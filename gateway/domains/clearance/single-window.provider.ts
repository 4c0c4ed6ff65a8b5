import * as path from 'node:path';
import type { Provider } from '@nestjs/common';
import { TradeError } from '../../../core/errors/trade-error';
import type { PartnerRegistry } from '../../../core/partners/partner-registry';
import type { PartnerRecord } from '../../../core/partners/partner.schema';
import {
  customsExchangeOf,
  FolderExchange,
  type ExchangeFile,
  type FileExchange,
  MemorySubmissionStore,
  SingleWindowClient,
  type Submission,
  type ReceiptPoll,
} from '../../../connectors/customs-single-window';
import type { CebMessageInput } from '../../../mappings/codecs/cn-customs/ceb-write';
import { CebSchemaValidator, SoftwareRsaSha1Signer } from '../../../mappings/cn-customs-outbound';
import { PARTNER_REGISTRY } from '../../partners/partners.tokens';
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
    return Promise.reject(
      new Error(
        'CUSTOMS_SCHEMA_DIR and CLEARANCE_EXCHANGE_DIR or CLEARANCE_PARTNER_ID are not set',
      ),
    );
  }
  submitAll(): Promise<Submission[]> {
    return this.submit().then((s) => [s]);
  }
  poll(): Promise<ReceiptPoll> {
    return Promise.resolve({ receipts: [], failures: [], warnings: [] });
  }
}

/**
 * The exchange of the customs partner named by CLEARANCE_PARTNER_ID (its `sftp` or `folder`
 * transport), looked up at each use: an operator's change to the partner record applies at the
 * next poll or submission without a restart.
 */
export class PartnerExchange implements FileExchange {
  private partner?: PartnerRecord;
  private exchange?: FileExchange;

  constructor(
    private readonly partners: Pick<PartnerRegistry, 'find'>,
    private readonly partnerId: string,
  ) {}

  async put(name: string, body: Buffer): Promise<void> {
    return this.current().put(name, body);
  }

  async list(): Promise<ExchangeFile[]> {
    return this.current().list();
  }

  async ack(name: string): Promise<void> {
    return this.current().ack(name);
  }

  private current(): FileExchange {
    const partner = this.partners.find(this.partnerId);
    if (!partner) {
      throw new TradeError('config', `customs partner ${this.partnerId} is not configured`, {
        stage: 'deliver',
        code: 'customs-transport',
      });
    }
    if (partner !== this.partner || !this.exchange) {
      this.exchange = customsExchangeOf(partner);
      this.partner = partner;
    }
    return this.exchange;
  }
}

function exchangeOf(s: ClearanceSettings, partners: PartnerRegistry): FileExchange {
  if (s.partnerId) return new PartnerExchange(partners, s.partnerId);
  return new FolderExchange({
    outDir: path.join(s.exchangeDir!, 'out'),
    inDir: path.join(s.exchangeDir!, 'in'),
  });
}

export const singleWindowProvider: Provider = {
  provide: SINGLE_WINDOW,
  inject: [CLEARANCE_SETTINGS, PARTNER_REGISTRY],
  useFactory: (s: ClearanceSettings, partners: PartnerRegistry): SingleWindowClientLike => {
    if ((!s.exchangeDir && !s.partnerId) || !s.schemaDir) return new NotConfigured();
    // Submissions are tracked in the declarations table; the connector's store only spans a run.
    return new SingleWindowClient(exchangeOf(s, partners), new MemorySubmissionStore(), {
      signer: new SoftwareRsaSha1Signer(s.signerKey(), s.signerKeyName),
      validator: new CebSchemaValidator(s.schemaDir),
      edition: s.edition,
      senderId: s.dxpId,
      receiverId: s.receiverId,
    });
  },
};
