import type { ConnectorManifest } from '../../core/connector/contract';
import { CEB_FILING_MAPPINGS, FILING_MESSAGE_TYPES } from '../../mappings/cn-customs-filings';
import { cebOrderMapping } from '../../mappings/cn-customs-orders/ceb-order.mapping';
import { cebReceiptMapping, RECEIPT_MESSAGE_TYPES } from '../../mappings/cn-customs-receipts';
import { SftpInboundPoller, SftpOutboundTransport, SftpSettingsSchema } from '../transports/sftp';
import {
  FolderInboundPoller,
  FolderOutboundTransport,
  FolderTransportSchema,
} from './folder-transport';

/**
 * China Single Window (国际贸易单一窗口) through the E-Port file exchange: signed CEB messages
 * in DXP envelopes out, receipts (CEB receipts, CEB900, DxpRep) in, over a local folder pair
 * watched by the Single Window client or over SFTP. The clearance service stores each signed,
 * schema-checked DXP file as an outbound message; the delivery worker hands it to the partner's
 * transport, and the pollers bring the answers in through the intake like any partner file.
 */
export const customsSingleWindowManifest: ConnectorManifest = {
  id: 'customs-single-window',
  kind: 'customs',
  description: 'China Single Window: CEB e-commerce messages and declarations over DXP files',
  transports: ['folder', 'sftp'],
  messageTypes: {
    // Receipts answer what TradeHub sent; the filings are partners' copies read for the trade.
    in: [...RECEIPT_MESSAGE_TYPES, 'CEB303', 'CEB311', ...FILING_MESSAGE_TYPES],
    out: [
      'CEB303',
      'CEB403',
      'CEB505',
      'CEB603',
      'CEB605',
      'CEB701',
      'CEB311',
      'CEB621',
      'ExportDeclaration',
      'ImportDeclaration',
    ],
  },
  transportSchemas: { folder: FolderTransportSchema, sftp: SftpSettingsSchema },
  pollers: [() => new FolderInboundPoller(), () => new SftpInboundPoller()],
  outboundTransports: [() => new FolderOutboundTransport(), () => new SftpOutboundTransport()],
  mappings: { inbound: [cebReceiptMapping, cebOrderMapping, ...CEB_FILING_MAPPINGS] },
};
