import type { ConnectorManifest } from '../../core/connector/contract';
import { SINOSURE_MESSAGES } from './sinosure-api';
import { SinosureSettingsSchema } from './sinosure-settings.schema';
import { SinosureTransport } from './sinosure.transport';

/** China Export & Credit Insurance (Sinosure) over the modelled JSON API of README.md. */
export const insurerSinosureManifest: ConnectorManifest = {
  id: 'insurer-sinosure',
  kind: 'insurer',
  description:
    'Sinosure short-term credit insurance: limit applications, shipment declarations, possible-loss notices and claims out',
  transports: ['sinosure-api'],
  messageTypes: { in: [], out: Object.values(SINOSURE_MESSAGES) },
  transportSchemas: { 'sinosure-api': SinosureSettingsSchema },
  outboundTransports: [() => new SinosureTransport()],
};
