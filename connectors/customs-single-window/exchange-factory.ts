import { TradeError } from '../../core/errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { readSftpSettings } from '../transports/sftp';
import { FolderExchange, FolderExchangeSettingsSchema, type FileExchange } from './folder-exchange';
import { SftpExchange } from './sftp-exchange';

/** The file exchange one transport entry of a customs partner describes (`folder` or `sftp`). */
export function customsExchangeFor(transport: PartnerTransport, partnerId: string): FileExchange {
  if (transport.kind === 'sftp') {
    return new SftpExchange(readSftpSettings(transport, partnerId, 'deliver'), partnerId);
  }
  if (transport.kind === 'folder') {
    const { kind: _kind, direction: _direction, ...settings } = transport;
    const parsed = FolderExchangeSettingsSchema.safeParse(settings);
    if (parsed.success) return new FolderExchange(parsed.data);
    throw new TradeError(
      'config',
      `partner ${partnerId}: bad folder settings: ${parsed.error.message}`,
      {
        stage: 'deliver',
        code: 'folder-settings',
      },
    );
  }
  throw new TradeError('config', `partner ${partnerId}: no customs transport ${transport.kind}`, {
    stage: 'deliver',
    code: 'customs-transport',
  });
}

/**
 * The exchange of a customs partner record: its first `sftp` or `folder` transport. A partner
 * of another connector or without one of these is a configuration error naming it.
 */
export function customsExchangeOf(partner: PartnerRecord): FileExchange {
  if (partner.connector !== 'customs-single-window') {
    throw new TradeError('config', `partner ${partner.id} is not a customs-single-window partner`, {
      stage: 'deliver',
      code: 'customs-transport',
    });
  }
  const transport = partner.transports.find((t) => t.kind === 'sftp' || t.kind === 'folder');
  if (!transport) {
    throw new TradeError('config', `partner ${partner.id} has no folder or sftp transport`, {
      stage: 'deliver',
      code: 'customs-transport',
    });
  }
  return customsExchangeFor(transport, partner.id);
}
