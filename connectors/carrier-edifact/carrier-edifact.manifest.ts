import type { ConnectorManifest } from '../../core/connector/contract';
import {
  carrierEdifactInboundMappings,
  carrierEdifactOutboundMappings,
  iftminInboundMapping,
} from '../../mappings/carrier-edifact';
import { invoicMapping } from '../../mappings/edifact-invoic/invoic.mapping';
import { ordersMapping } from '../../mappings/edifact-orders/orders.mapping';
import { desadvMapping } from '../../mappings/edifact-desadv/desadv.mapping';
import { SftpInboundPoller, SftpOutboundTransport, SftpSettingsSchema } from '../transports/sftp';

/**
 * Ocean carriers over UN/EDIFACT files on SFTP: status (IFTSTA), booking confirmations
 * (IFTMBC), release orders (COPARN), gate moves (CODECO), vessel load/discharge moves (COARRI), VGM (VERMAS) in; booking requests
 * and shipping instructions (IFTMIN) out; CONTRL both ways. A new line speaking the same
 * dialect is a partner record (see gateway/seed/partners/), not code.
 */
export const carrierEdifactManifest: ConnectorManifest = {
  id: 'carrier-edifact',
  kind: 'carrier',
  description:
    'Ocean carrier EDIFACT over SFTP (IFTSTA, IFTMBC, COPARN, CODECO, COARRI, VERMAS, IFTMIN)',
  transports: ['sftp'],
  messageTypes: {
    in: ['IFTSTA', 'IFTMBC', 'COPARN', 'CODECO', 'COARRI', 'VERMAS', 'IFTMIN', 'CONTRL'],
    out: ['IFTMIN', 'CONTRL'],
  },
  transportSchemas: { sftp: SftpSettingsSchema },
  pollers: [() => new SftpInboundPoller()],
  outboundTransports: [() => new SftpOutboundTransport()],
  // INVOIC, ORDERS, DESADV and IFTMIN received from a shipper or forwarder (a transport
  // instruction) travel the same EDIFACT-over-SFTP channels (forwarders', buyers' and
  // suppliers' EDI).
  mappings: {
    inbound: [
      ...carrierEdifactInboundMappings,
      invoicMapping,
      ordersMapping,
      desadvMapping,
      iftminInboundMapping,
    ],
    outbound: carrierEdifactOutboundMappings,
  },
  acknowledges: ['edifact'],
};
