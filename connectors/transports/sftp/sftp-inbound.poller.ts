import type { InboundPoller, PollContext, PollResult } from '../../../core/connector/contract';
import type { PartnerRecord, PartnerTransport } from '../../../core/partners/partner.schema';
import { InboundRound } from './sftp-inbound.round';
import { SftpSession } from './sftp-session';
import { readSftpSettings } from './sftp-settings.schema';

/** Takes a partner's files from its SFTP inbound folder (one connection per poll). */
export class SftpInboundPoller implements InboundPoller {
  readonly kind = 'sftp';

  constructor(private readonly now: () => number = Date.now) {}

  async poll(partner: PartnerRecord, raw: PartnerTransport, ctx: PollContext): Promise<PollResult> {
    const settings = readSftpSettings(raw, partner.id, 'receive');
    if (settings.direction === 'out') return { received: 0, deferred: 0 };
    const session = await SftpSession.open(settings, partner.id, 'receive', ctx.signal);
    try {
      return await new InboundRound(session, settings, partner, ctx, this.now).run();
    } finally {
      await session.close();
    }
  }
}
