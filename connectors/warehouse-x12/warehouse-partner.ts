import type { PartnerFormat, PartnerRecord } from '../../core/partners/partner.schema';
import {
  x12WarehouseInboundMappings,
  x12WarehouseOutboundMappings,
  type X12WarehouseSettingsInput,
} from '../../mappings/x12-warehouse';
import { warehouseX12Manifest } from './warehouse-x12.manifest';

/**
 * The format entries of a 3PL: 945, 944 and 846 in, 940 out for FulfillmentOrder, all with
 * the 3PL's X12 settings (the 997 answers take their ISA/GS ids from the inbound entries).
 */
export function warehouseX12Formats(settings: X12WarehouseSettingsInput): PartnerFormat[] {
  const version = settings.version ?? '004010';
  const entry = (messageType: string, direction: 'in' | 'out', mapping: string) => ({
    format: 'x12',
    messageType,
    version,
    direction,
    mapping,
    settings,
  });
  return [
    ...x12WarehouseInboundMappings.map((m) => entry(m.messageTypes[0], 'in', m.id)),
    ...x12WarehouseOutboundMappings.map((m) => entry('940', 'out', m.id)),
  ];
}

/**
 * A 3PL partner record: its ISA and GS ids as identifiers, the X12 formats, one SFTP
 * transport both ways (completeness `x12-iea` unless given), 997 answers on.
 */
export function warehouseX12PartnerRecord(threePl: {
  id: string;
  name: string;
  settings: X12WarehouseSettingsInput;
  sftp: Record<string, unknown>;
  enabled?: boolean;
  clientId?: string;
}): PartnerRecord {
  const { interchange, group } = threePl.settings;
  return {
    id: threePl.id,
    name: threePl.name,
    kind: warehouseX12Manifest.kind,
    connector: warehouseX12Manifest.id,
    enabled: threePl.enabled ?? true,
    ...(threePl.clientId ? { clientId: threePl.clientId } : {}),
    identifiers: [
      { scheme: 'ISA', value: interchange.receiver.id, qualifier: interchange.receiver.qualifier },
      { scheme: 'GS', value: group.receiverCode },
    ],
    formats: warehouseX12Formats(threePl.settings),
    transports: [{ direction: 'both', completeness: 'x12-iea', ...threePl.sftp, kind: 'sftp' }],
    clientRules: [],
    settings: { acknowledge: true },
  };
}
