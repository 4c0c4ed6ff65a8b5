import type { ConnectorManifest } from '../../core/connector/contract';
import { genericOrderMapping } from '../../mappings/generic-order-json/generic-order.mapping';
import { vatInvoiceJsonMapping } from '../../mappings/generic-vat-invoice-json/vat-invoice-json.mapping';
import { HttpInboundSettingsSchema } from './http-inbound-settings.schema';
import { genericWebhookVerifier } from './transport/generic-webhook.verifier';
import {
  HttpOutboundSettingsSchema,
  HttpOutboundTransport,
} from './transport/http-outbound.transport';

export { HttpInboundSettingsSchema } from './http-inbound-settings.schema';

/** A partner that pushes JSON (or any body) over HTTPS and receives messages the same way. */
export const httpGenericManifest: ConnectorManifest = {
  id: 'http-generic',
  kind: 'generic',
  description:
    'Generic HTTP partner: webhook in (HMAC-signed, token, client certificate or declared unsigned), HTTP POST out',
  transports: ['http-inbound', 'http-outbound'],
  messageTypes: { in: ['generic.order', 'generic.vat-invoice'], out: ['*'] },
  transportSchemas: {
    'http-inbound': HttpInboundSettingsSchema,
    'http-outbound': HttpOutboundSettingsSchema,
  },
  outboundTransports: [() => new HttpOutboundTransport()],
  webhookVerifier: genericWebhookVerifier,
  mappings: { inbound: [genericOrderMapping, vatInvoiceJsonMapping] },
};
