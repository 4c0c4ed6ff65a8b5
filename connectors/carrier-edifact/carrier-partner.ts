import type { PartnerFormat, PartnerRecord } from '../../core/partners/partner.schema';
import {
  carrierEdifactInboundMappings,
  carrierEdifactOutboundMappings,
  type CarrierEdifactSettingsInput,
} from '../../mappings/carrier-edifact';
import { carrierEdifactManifest } from './carrier-edifact.manifest';

/**
 * The format entries of a carrier line: every inbound message type with its mapping, and
 * IFTMIN out for Booking and ShippingInstruction, all with the line's mapping settings.
 */
export function carrierFormats(settings: CarrierEdifactSettingsInput): PartnerFormat[] {
  const version = settings.directory ?? 'D.99B';
  const inbound = carrierEdifactInboundMappings.map((m) => ({
    format: 'edifact',
    messageType: m.messageTypes[0],
    version,
    direction: 'in' as const,
    mapping: m.id,
    settings: settings,
  }));
  const outbound = carrierEdifactOutboundMappings.map((m) => ({
    format: 'edifact',
    messageType: 'IFTMIN',
    version,
    direction: 'out' as const,
    mapping: m.id,
    settings: settings,
  }));
  return [...inbound, ...outbound];
}

/** A carrier partner record: its EDI ids, formats, one SFTP transport, CONTRL answers on. */
export function carrierPartnerRecord(line: {
  id: string;
  name: string;
  settings: CarrierEdifactSettingsInput;
  sftp: Record<string, unknown>;
  enabled?: boolean;
}): PartnerRecord {
  return {
    id: line.id,
    name: line.name,
    kind: carrierEdifactManifest.kind,
    connector: carrierEdifactManifest.id,
    enabled: line.enabled ?? true,
    identifiers: [
      {
        scheme: 'UNB',
        value: line.settings.recipientId ?? line.id,
        qualifier: line.settings.recipientQualifier ?? 'ZZZ',
      },
    ],
    formats: carrierFormats(line.settings),
    transports: [{ direction: 'both', ...line.sftp, kind: 'sftp' }],
    clientRules: [],
    settings: { acknowledge: true },
  };
}
