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
  ): { partnerRef?: string; senderMessageId?: boolean };
}

/** Durable per-partner state of a poller: a cursor, files seen. Lives in PostgreSQL. */
export interface PollStateStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/** A partner message as a transport received it, before anything reads it. */
export interface IncomingMessage {
  partnerId: string;
  connector: string;
  transport: string;
  raw: Buffer;
  contentType?: string;
  /** The partner's own message id (header, file name), when the transport knows one. */
  partnerRef?: string;
  /** `partnerRef` is an id the sender assigns (a header), not derived from the content. */
  senderMessageId?: boolean;
  clientId?: string | null;
  transportMeta?: Record<string, unknown>;
}

export interface IntakeResult {
  messageId: string;
  /** Set when the same partner sent this content (or this partner reference) before. */
  duplicateOf?: string;
  /** The partner reference was used before with other content (stored as state 'conflict'). */
  conflict?: boolean;
}

/** Receives one partner message: stores it raw (the transport acknowledges only after). */
export interface IntakePort {
  receive(incoming: IncomingMessage): Promise<IntakeResult>;
}

export interface PollContext {
  intake: IntakePort;
  state: PollStateStore;
  /** Aborted when the gateway shuts down: finish the current item and return. */
  signal: AbortSignal;
}

export interface PollResult {
  /** Messages stored in this round (duplicates included). */
  received: number;
  /** Items left for the next round (incomplete files, rate-limited pages). */
  deferred: number;
}

/**
 * Fetches what a partner has for us (SFTP folder, API page with cursor). Runs as a repeatable
 * job; a lock ensures one instance per partner transport at a time across gateway processes.
 */
export interface InboundPoller {
  readonly kind: string;
  poll(partner: PartnerRecord, settings: PartnerTransport, ctx: PollContext): Promise<PollResult>;
}
