// Reusable SFTP transport: inbound poller, outbound upload, settings and completeness rules.
export { SftpInboundPoller } from './sftp-inbound.poller';
export { SftpOutboundTransport, outboundFileName } from './sftp-outbound.transport';
export {
  COMPLETENESS_RULES,
  SftpSettingsSchema,
  readSftpSettings,
  type CompletenessRule,
  type SftpSettings,
} from './sftp-settings.schema';
export { sha256Fingerprint } from './host-key';
export { classifySftpError } from './classify-sftp-error';
export { takenKey } from './sftp-inbound.round';
