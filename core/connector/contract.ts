import type { z } from 'zod';
import type { PartnerRecord, PartnerTransport } from '../partners/partner.schema';

/**
 * What every connector declares: which partner family it serves, the transports it brings,
 * the message types it moves each way, and the schema of its partner settings.
 */
export interface ConnectorManifest {
  id: string;
  kind: PartnerRecord['kind'];
  description: string;
  transports: string[];
  messageTypes: { in: string[]; out: string[] };
  /** Validates a partner's transport settings of this connector (check, in Airbyte terms). */
  transportSchemas: Record<string, z.ZodType>;
}

/** A stored outbound message handed to a transport. */
export interface OutboundDelivery {
  messageId: string;
  partnerId: string;
  body: Buffer;
  contentType: string;
  messageType: string;
  fileName?: string;
  correlationId?: string;
}

export interface DeliveryReceipt {
  /** What the partner answered or where the file went, for the state history. */
  detail: Record<string, unknown>;
  partnerRef?: string;
}

/** The only code that does outbound partner I/O. Throws TradeError: 'transient' retries. */
export interface OutboundTransport {
  readonly kind: string;
  send(
    delivery: OutboundDelivery,
    partner: PartnerRecord,
    settings: PartnerTransport,
  ): Promise<DeliveryReceipt>;
}

/** A webhook request as received, before anything is parsed. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * Authenticates a partner's webhook (signature, timestamp) and names the partner's own message
 * id; throws a TradeError (kind 'rejected') when the request must be refused unstored.
 */
export interface WebhookVerifier {
  /** Connector id this verifier serves. */
  readonly connector: string;
  verify(
    request: WebhookRequest,
    partner: PartnerRecord,
    settings: PartnerTransport,
  ): { partnerRef?: string };
}
