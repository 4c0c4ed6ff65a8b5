import type { ConnectorManifest } from '../../core/connector/contract';
import {
  x12ReceivedShippingOrderMapping,
  x12WarehouseInboundMappings,
  x12WarehouseOutboundMappings,
} from '../../mappings/x12-warehouse';
import { x12OceanStatusMapping } from '../../mappings/x12-315/x12-315.mapping';
import { x12CarrierStatusMapping } from '../../mappings/x12-214/x12-214.mapping';
import { x12FreightInvoiceMapping } from '../../mappings/x12-210/x12-210.mapping';
import { x12BillOfLadingMapping } from '../../mappings/x12-310/x12-310.mapping';
import { SftpInboundPoller, SftpOutboundTransport, SftpSettingsSchema } from '../transports/sftp';

/**
 * US third-party logistics warehouses (3PL) over ANSI X12 004010 files on SFTP: shipping
 * advice (945), stock receipts (944) and inventory (846) in; shipping orders (940) out; 997
 * both ways. A second 3PL on the same sets is a partner record (gateway/seed/partners/).
 */
export const warehouseX12Manifest: ConnectorManifest = {
  id: 'warehouse-x12',
  kind: 'warehouse',
  description: 'US 3PL X12 over SFTP (945, 944, 846 in; 940 out and in; 997 both ways)',
  transports: ['sftp'],
  messageTypes: {
    // 940 in: a shipping order a depositor (a client's ERP) sends to be passed to a warehouse.
    in: ['945', '944', '846', '940', '997', '315', '214', '210', '310'],
    out: ['940', '997'],
  },
  transportSchemas: { sftp: SftpSettingsSchema },
  pollers: [() => new SftpInboundPoller()],
  outboundTransports: [() => new SftpOutboundTransport()],
  // X12 315 ocean status, 310 B/Ls, 214 motor carrier status and 210 freight bills (drayage to
  // and from the 3PL) come from the same kind of X12 partners (3PLs, NVOCCs, truckers) over SFTP; a 940
  // from a depositor (a client's ERP) to be passed on to whichever warehouse holds stock.
  mappings: {
    inbound: [
      ...x12WarehouseInboundMappings,
      x12OceanStatusMapping,
      x12CarrierStatusMapping,
      x12FreightInvoiceMapping,
      x12BillOfLadingMapping,
      x12ReceivedShippingOrderMapping,
    ],
    outbound: x12WarehouseOutboundMappings,
  },
  acknowledges: ['x12'],
};
