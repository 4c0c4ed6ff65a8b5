import type { ConnectorManifest } from '../../core/connector/contract';
import { bankIso20022InboundMappings, pain001Render } from '../../mappings/bank-iso20022';
import { bankMtInboundMappings } from '../../mappings/bank-mt';
import { mt101Render } from '../../mappings/bank-mt/mt101.render';
import { SftpInboundPoller, SftpOutboundTransport } from '../transports/sftp';
import { bankFileProtection } from './pgp/bank-file-protection';
import { BankSftpSettingsSchema } from './pgp/pgp-settings.schema';

/**
 * Banks host-to-host over SFTP: statements and notifications (MT940/942/950, camt.052/053/054),
 * credit advices (MT103, pacs.008/009), documentary credits (MT700/707/710) and payment status
 * reports (pain.002) in; payment instructions (pain.001, or MT101 where the bank wants it) out.
 * Files may be PGP-encrypted and signed per partner (settings `pgp`, ADR 0021). A second bank
 * is a partner record.
 */
export const bankSftpManifest: ConnectorManifest = {
  id: 'bank-sftp',
  kind: 'bank',
  description: 'Bank host-to-host over SFTP (SWIFT MT and ISO 20022 files)',
  transports: ['sftp'],
  messageTypes: {
    in: [
      'MT940',
      'MT942',
      'MT950',
      'MT103',
      'MT700',
      'MT707',
      'MT710',
      'camt.052',
      'camt.053',
      'camt.054',
      'pacs.008',
      'pacs.009',
      'pain.002',
    ],
    out: ['pain.001', 'MT101'],
  },
  transportSchemas: { sftp: BankSftpSettingsSchema },
  pollers: [() => new SftpInboundPoller()],
  outboundTransports: [() => new SftpOutboundTransport()],
  mappings: {
    inbound: [...bankMtInboundMappings, ...bankIso20022InboundMappings],
    outbound: [pain001Render, mt101Render],
  },
  fileProtection: bankFileProtection,
};
