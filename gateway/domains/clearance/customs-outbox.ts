import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import {
  customsSendingTransport,
  recordGuids,
  renderedDxp,
} from '../../../connectors/customs-single-window';
import { TradeError } from '../../../core/errors/trade-error';
import type { TradeRefs } from '../../../core/model/trade-refs';
import { OutboundQueue } from '../../../core/outbound/outbound-queue';
import type { PartnerRegistry } from '../../../core/partners/partner-registry';
import type { CebMessageInput } from '../../../mappings/codecs/cn-customs/ceb-write';
import {
  CebSchemaValidator,
  prepareCeb,
  SoftwareRsaSha1Signer,
  type PreparedCeb,
} from '../../../mappings/cn-customs-outbound';
import { PARTNER_REGISTRY } from '../../partners/partners.tokens';
import { CLEARANCE_SETTINGS, type ClearanceSettings } from './clearance.settings';
import { SubmissionRepository, type SubmissionRow } from './submission.repository';

/** One customs message filed: stored as an outbound message, tracked by its guids. */
export type FiledMessage = SubmissionRow;

export interface FilingContext {
  clientId: string | null;
  /** Trade references of the outbound message (order, declaration numbers). */
  refs?: TradeRefs;
  correlationId?: string;
}

const notConfigured = (why: string) =>
  new TradeError('config', `customs filing is not configured: ${why}`, {
    stage: 'deliver',
    code: 'customs-not-configured',
  });

/**
 * How the clearance service files with the Single Window: each message is signed and checked
 * against its XSD (one that fails is never stored, the error names the XPath), then stored as
 * an outbound message of the customs partner (CLEARANCE_PARTNER_ID) and queued for delivery in
 * the caller's transaction. The delivery worker hands it to the partner's `folder` or `sftp`
 * transport; the receipts come back through that partner's poller and the intake.
 */
@Injectable()
export class CustomsOutbox {
  private validator?: CebSchemaValidator;

  constructor(
    @Inject(CLEARANCE_SETTINGS) private readonly settings: ClearanceSettings,
    @Inject(PARTNER_REGISTRY) private readonly partners: Pick<PartnerRegistry, 'find'>,
    private readonly submissions: SubmissionRepository,
    private readonly outbound: OutboundQueue,
  ) {}

  /**
   * Files the messages of one set (an order's CEB303, CEB505 and CEB603) in order. All are
   * signed and schema-checked before the first is stored, so a set that fails its XSD leaves
   * nothing half-filed.
   */
  async file(
    tx: PoolClient,
    inputs: readonly CebMessageInput[],
    ctx: FilingContext,
  ): Promise<FiledMessage[]> {
    const partner = this.partners.find(this.settings.partnerId);
    if (!partner)
      throw notConfigured(`no customs partner ${this.settings.partnerId} (CLEARANCE_PARTNER_ID)`);
    const transport = customsSendingTransport(partner);
    const prepared = await this.prepare(inputs);
    const filed: FiledMessage[] = [];
    for (const [i, p] of prepared.entries()) {
      const messageId = await this.outbound.queue(tx, {
        partnerId: partner.id,
        connector: partner.connector,
        transport: transport.kind,
        rendered: renderedDxp(p),
        clientId: ctx.clientId,
        refs: ctx.refs,
        correlationId: ctx.correlationId,
      });
      const row: FiledMessage = {
        guid: p.guid,
        recordGuids: recordGuids(inputs[i]),
        messageId,
        messageType: p.messageType,
        partnerId: partner.id,
        clientId: ctx.clientId,
        fileName: p.fileName,
        final: false,
      };
      await this.submissions.insert(tx, row);
      filed.push(row);
    }
    return filed;
  }

  private async prepare(inputs: readonly CebMessageInput[]): Promise<PreparedCeb[]> {
    const s = this.settings;
    if (!s.schemaDir) throw notConfigured('CUSTOMS_SCHEMA_DIR is not set');
    this.validator ??= new CebSchemaValidator(s.schemaDir);
    const options = {
      signer: new SoftwareRsaSha1Signer(s.signerKey(), s.signerKeyName),
      validator: this.validator,
      edition: s.edition,
      senderId: s.dxpId,
      receiverId: s.receiverId,
      now: new Date(),
    };
    const prepared: PreparedCeb[] = [];
    for (const input of inputs) prepared.push(await prepareCeb(input, options));
    return prepared;
  }
}
