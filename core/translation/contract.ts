import type { TradeRefs } from '../model/trade-refs';

/**
 * The pure translation contract: codecs turn bytes into syntax trees (and back), mappings turn
 * syntax trees into canonical documents (and back). Neither touches the network or a database.
 */
export type FormatId = 'edifact' | 'x12' | 'swift-mt' | 'iso20022' | 'cn-customs' | 'xml' | 'json';

/** What the bytes are, as far as detection can tell. */
export interface Detection {
  format: FormatId;
  /** 'UN/EDIFACT', 'ANSI X12', 'SWIFT MT', 'ISO 20022', 'China customs CEB', 'DCSA', 'JSON', ... */
  standard: string;
  /** 'D.96A', '004010', 'camt.053.001.02', '202205', '2.2.0' ... */
  version?: string;
  /** 'IFTSTA', '940', 'MT940', 'camt.053', 'CEB303', 'dcsa.tnt.events', ... */
  messageType?: string;
  /** Character set the bytes were decoded with (e.g. 'UNOY' -> utf-8). */
  charset?: string;
}

/** One message split out of an input (an interchange holds many; a file may hold several). */
export interface DecodedMessage<T = unknown> {
  detection: Detection;
  /** The partner's own reference of this message: UNH 0062, ST02, :20:, MsgId, guid. */
  messageRef?: string;
  /** Position of the message in its input, from 0. */
  index: number;
  /** The syntax tree the codec produced. */
  tree: T;
  /** Interchange-level facts: sender and receiver ids, control reference, date. */
  interchange?: InterchangeInfo;
}

export interface InterchangeInfo {
  senderId?: string;
  senderQualifier?: string;
  recipientId?: string;
  recipientQualifier?: string;
  controlRef?: string;
  preparedAt?: string;
  syntax?: string;
}

/** Syntax layer for one format. `decode` throws a TradeError (stage 'parse') with a location. */
export interface Codec<T = unknown> {
  readonly format: FormatId;
  detect(input: Buffer): Detection | null;
  decode(input: Buffer, detection: Detection): Array<DecodedMessage<T>>;
}

/** What a mapping may know besides the message: partner, code lists, a clock. */
export interface MappingContext {
  partnerId: string;
  clientId?: string;
  /** When TradeHub received the message (ISO 8601 with zone). */
  receivedAt: string;
  /** Partner-specific mapping settings (code lists, qualifiers, default currency ...). */
  settings?: Record<string, unknown>;
  /**
   * 'lenient' (a lenient registry's run: partner checks 'lenient', the CLI's fallback): a
   * mapping may read a deviation it can recover without guessing with a located warning: a
   * line-level code it does not know where the message still says what is meant (the head's
   * value), a DTM longer than its format but well formed, an unparseable optional JSON date
   * (left out). Absent or 'strict': refused.
   */
  checks?: 'strict' | 'lenient';
}

/** A canonical document a mapping produced, before envelope and schema validation. */
export interface MappedDocument {
  /** Canonical document type, e.g. 'SalesOrder', 'ShipmentEvent'. */
  documentType: string;
  /** Routing key `<domain>.<entity>.<event>`, e.g. 'commerce.order.created'. */
  eventType: string;
  payload: unknown;
  /** When the business event happened (ISO 8601 with zone), if the message says. */
  occurredAt?: string;
  /** References beyond those the document schema derives (e.g. from an envelope). */
  refs?: TradeRefs;
}

export interface MappingResult {
  documents: MappedDocument[];
  warnings: string[];
}

/** Partner format -> canonical. Throws a TradeError (kind 'mapping', stage 'map') with a location. */
export interface InboundMapping<T = unknown> {
  readonly id: string;
  readonly format: FormatId;
  /** The detection.messageType values this mapping takes. */
  readonly messageTypes: readonly string[];
  toCanonical(message: DecodedMessage<T>, ctx: MappingContext): MappingResult;
}

/** A rendered partner message, ready for a transport. */
export interface RenderedMessage {
  body: Buffer;
  contentType: string;
  format: FormatId;
  messageType: string;
  /** Reference the partner will quote back (UNB control ref, MsgId, ...). */
  messageRef: string;
  /** Suggested file name for file transports. */
  fileName?: string;
}

/** Canonical -> partner format. */
export interface OutboundMapping<P = unknown> {
  readonly id: string;
  readonly documentType: string;
  readonly format: FormatId;
  render(payload: P, ctx: MappingContext & { controlRef: string }): RenderedMessage;
}
