import type { ConnectorManifest } from '../../core/connector/contract';
import { amazonMappings } from '../../mappings/marketplace';
import {
  AmazonNotificationSettingsSchema,
  AmazonSpApiSettingsSchema,
} from './amazon-settings.schema';
import { AmazonOrdersPoller } from './orders.poller';
import { amazonWebhookVerifier } from './amazon-webhook.verifier';

/** An Amazon seller: orders polled from SP-API, notifications in through EventBridge. */
export const amazonManifest: ConnectorManifest = {
  id: 'commerce-amazon',
  kind: 'marketplace',
  description:
    'Amazon SP-API: Orders v0 polled by LastUpdatedAfter, ORDER_CHANGE notifications via EventBridge, shipment confirmation back',
  transports: ['http-inbound', 'amazon-sp-api'],
  messageTypes: { in: amazonMappings.flatMap((m) => [...m.messageTypes]), out: [] },
  transportSchemas: {
    'http-inbound': AmazonNotificationSettingsSchema,
    'amazon-sp-api': AmazonSpApiSettingsSchema,
  },
  pollers: [() => new AmazonOrdersPoller()],
  webhookVerifier: amazonWebhookVerifier,
  mappings: { inbound: amazonMappings },
};
