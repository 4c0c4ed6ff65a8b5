import type { z } from 'zod';
import type { TradeError } from '../errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../partners/partner.schema';
import type { Queryable } from '../storage/queryable';
import type { FormatId, InboundMapping, OutboundMapping } from '../translation/contract';

/** What a connector's pollers and transports may be built with (the gateway supplies it). */
export interface ConnectorDeps {
  /** The gateway's database (pollers that follow what was sent, e.g. booking references). */
  db: Queryable;
}

/**
 * What every connector declares: which partner family it serves, the schema of each transport's
 * settings, and what it brings to the gateway (pollers, outbound transports, its webhook
 * verifier, its mappings, which formats it acknowledges). The gateway builds everything from
 * the list of manifests in connectors/registry.ts; no other file names a connector.
 */
export interface ConnectorManifest {
  id: string;
  kind: PartnerRecord['kind'];
  description: string;
  /** Transport kinds a partner of this connector may list (the keys of transportSchemas). */
  transports: string[];
  messageTypes: { in: string[]; out: string[] };
  /**
   * Validates a partner's settings per transport kind when a partner is seeded or PUT; fields
   * the schema does not know are refused (see core/connector/transport-validation.ts).
   */
  transportSchemas: Record<string, z.ZodType>;
  /** Inbound pollers by transport kind (shared ones such as SFTP are declared by each user). */
  pollers?: Array<(deps: ConnectorDeps) => InboundPoller>;
  /** Outbound transports by kind. */
  outboundTransports?: Array<(deps: ConnectorDeps) => OutboundTransport>;
  /** Authenticates pushes to /inbound/<partner>; required when transports has 'http-inbound'. */
  webhookVerifier?: WebhookVerifier;
  /** Mappings this connector brings, in registration order (the first is a type's default). */
  mappings?: { inbound?: readonly InboundMapping[]; outbound?: readonly OutboundMapping[] };
  /** Formats whose standard acknowledgement (CONTRL, 997) its partners may ask for. */
  acknowledges?: FormatId[];
  /**
   * Protection of whole files per partner (PGP encryption and signatures): opened after the raw
   * bytes are stored and before anything parses them, applied to outbound bodies just before
   * the transport sends them (ADR 0021).
   */
  fileProtection?: FileProtection;
}

/** What opening a protected inbound file found: the bytes to parse and facts for its history. */
export interface OpenedFile {
  body: Buffer;
  /** Shown in the message's history (e.g. `{ pgp: { encrypted: true, signedBy: '...' } }`). */
  facts?: Record<string, unknown>;
}

/**
 * A connector's file protection. `open` runs first in the normalizer on the stored raw bytes and
 * fails closed: a file the partner's settings say must be encrypted or signed and is not (or is
 * badly signed) throws a TradeError (kind 'rejected', stage 'receive', code = the reason), and
 * the message is failed, kept raw and replayable like any other failure. `protect` turns the
 * stored outbound body into what goes on the wire (a new file name when the suffix changes).
 */
export interface FileProtection {
  open(raw: Buffer, partner: PartnerRecord, transport: string): Promise<OpenedFile>;
  protect(
    delivery: OutboundDelivery,
    partner: PartnerRecord,
    transport: string,
  ): Promise<OutboundDelivery>;
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
  /** The peer address of the connection (a trusted proxy's, behind one). */
  remoteAddress?: string;
}

/**
 * Authenticates a partner's webhook (signature, timestamp) and names the partner's own message
 * id; throws a TradeError (kind 'rejected', code = the reason recorded) when the request must be
 * refused unstored. It fails closed: settings without a way to authenticate are refused.
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
/**
 * The poll-state key where a poller that holds an access token (Amazon LWA, Shopee) writes its
 * expiry (ISO 8601) whenever it has a token: partner health shows whether the token is valid.
 */
export const TOKEN_EXPIRES_KEY = 'token-expires-at';

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
  /** Says why an item was left for later (a file still uploading), so nothing waits unseen. */
  log?: PollLog;
}

/** The part of a logger a poller uses. */
export interface PollLog {
  info(fields: Record<string, unknown>, message: string): void;
}

export interface PollResult {
  /** Messages stored in this round (duplicates included). */
  received: number;
  /** Items left for the next round (incomplete files, rate-limited pages). */
  deferred: number;
  /**
   * A transient failure (a 5xx, a time-out) that ended the round early: what was stored stays,
   * the next round resumes; the poll runtime records it as the transport's last poll outcome.
   */
  error?: TradeError;
}

/**
 * Fetches what a partner has for us (SFTP folder, API page with cursor). Runs as a repeatable
 * job; a lock ensures one instance per partner transport at a time across gateway processes.
 */
export interface InboundPoller {
  readonly kind: string;
  poll(partner: PartnerRecord, settings: PartnerTransport, ctx: PollContext): Promise<PollResult>;
}
