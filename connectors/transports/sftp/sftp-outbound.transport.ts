import { posix } from 'node:path';
import type {
  DeliveryReceipt,
  OutboundDelivery,
  OutboundTransport,
} from '../../../core/connector/contract';
import { TradeError } from '../../../core/errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../../../core/partners/partner.schema';
import { SftpSession } from './sftp-session';
import { readSftpSettings } from './sftp-settings.schema';

const EXTENSIONS: Array<[RegExp, string]> = [
  [/edifact/i, 'edi'],
  [/x12/i, 'x12'],
  [/xml/i, 'xml'],
  [/json/i, 'json'],
  [/text\/plain/i, 'txt'],
];

/** The remote name: the one the mapping suggested, else `<messageId>.<ext>`; never a path. */
export function outboundFileName(delivery: OutboundDelivery): string {
  const ext = EXTENSIONS.find(([re]) => re.test(delivery.contentType))?.[1] ?? 'dat';
  const name = posix.basename((delivery.fileName ?? `${delivery.messageId}.${ext}`).trim());
  if (!name || name.startsWith('.') || /[\\/\0]/.test(name))
    throw new TradeError('rejected', `unusable file name ${JSON.stringify(delivery.fileName)}`, {
      stage: 'deliver',
    });
  return name;
}

/**
 * Uploads under a temporary dot-name (`.<name>.part`) and renames it to the final name, so
 * the partner's poller never sees half a file. A repeated attempt replaces both.
 */
export class SftpOutboundTransport implements OutboundTransport {
  readonly kind = 'sftp';

  async send(
    delivery: OutboundDelivery,
    partner: PartnerRecord,
    raw: PartnerTransport,
  ): Promise<DeliveryReceipt> {
    const settings = readSftpSettings(raw, partner.id, 'deliver');
    const name = outboundFileName(delivery);
    const target = posix.join(settings.outboundDir, name);
    const temporary = posix.join(settings.outboundDir, `.${name}.part`);
    const session = await SftpSession.open(settings, partner.id, 'deliver');
    try {
      await session.write(temporary, delivery.body);
      // posix-rename replaces a file left by an attempt whose success we did not record.
      await session.rename(temporary, target, true);
    } finally {
      await session.close();
    }
    return {
      detail: { remotePath: target, bytes: delivery.body.length, host: settings.host },
      partnerRef: name,
    };
  }
}
