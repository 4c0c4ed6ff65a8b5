import { TradeError } from '../../core/errors/trade-error';
import type {
  Codec,
  Detection,
  FormatId,
  InboundMapping,
  OutboundMapping,
} from '../../core/translation/contract';

/** What a partner record says about one of its formats (see core/partners/partner.schema). */
export interface PartnerFormatHint {
  format: string;
  messageType: string;
  direction?: 'in' | 'out' | 'both';
  mapping?: string;
  settings?: Record<string, unknown>;
}

/**
 * The codecs and mappings TradeHub knows, keyed by format and message type; a partner's own
 * format list picks a mapping by id where the default does not fit.
 */
export class FormatRegistry {
  /** What mappings run through this registry are told (MappingContext.checks). */
  readonly checks: 'strict' | 'lenient' = 'strict';
  private readonly codecs: Codec[] = [];
  private readonly inbound = new Map<string, InboundMapping>();
  private readonly outbound = new Map<string, OutboundMapping>();
  /** The normalizer asks twice per message (is it an acknowledgement? then translate). */
  private detected = new WeakMap<Buffer, Detection | null>();

  addCodec(codec: Codec): this {
    if (this.codecs.some((c) => c.format === codec.format))
      throw new Error(`codec ${codec.format} registered twice`);
    this.codecs.push(codec);
    this.detected = new WeakMap();
    return this;
  }

  addInbound(mapping: InboundMapping): this {
    if (this.inbound.has(mapping.id)) throw new Error(`mapping ${mapping.id} registered twice`);
    this.inbound.set(mapping.id, mapping);
    return this;
  }

  addOutbound(mapping: OutboundMapping): this {
    if (this.outbound.has(mapping.id))
      throw new Error(`outbound mapping ${mapping.id} registered twice`);
    this.outbound.set(mapping.id, mapping);
    return this;
  }

  /**
   * Detection in registration order: the most specific codecs are registered first. A detector
   * that throws anything but a TradeError is at fault, not the input: it surfaces as a located
   * 'internal' error, never as a bare exception.
   */
  detect(input: Buffer): Detection | null {
    if (!this.detected.has(input)) this.detected.set(input, this.detectOnce(input));
    const found = this.detected.get(input)!;
    // A copy: callers may complete a detection (charset, version) for their own use.
    return found && { ...found };
  }

  private detectOnce(input: Buffer): Detection | null {
    for (const codec of this.codecs) {
      let found: Detection | null;
      try {
        found = codec.detect(input);
      } catch (err) {
        if (err instanceof TradeError) throw err;
        const message = err instanceof Error ? err.message : String(err);
        throw new TradeError('internal', `${codec.format} detector failed: ${message}`, {
          stage: 'detect',
          location: { offset: 0 },
          cause: err,
        });
      }
      if (found) return found;
    }
    return null;
  }

  codec(format: FormatId): Codec {
    const codec = this.codecs.find((c) => c.format === format);
    if (!codec)
      throw new TradeError('internal', `no codec for format ${format}`, { stage: 'parse' });
    return codec;
  }

  /** The partner's chosen mapping for this message type, else the one default for it. */
  inboundFor(
    detection: Detection,
    hints: readonly PartnerFormatHint[] = [],
  ): InboundMapping | undefined {
    const type = detection.messageType;
    const hint = hints.find(
      (h) =>
        h.mapping &&
        h.direction !== 'out' &&
        h.format === detection.format &&
        h.messageType === type,
    );
    if (hint?.mapping) {
      const chosen = this.inbound.get(hint.mapping);
      if (!chosen)
        throw new TradeError('config', `partner names unknown mapping ${hint.mapping}`, {
          stage: 'map',
        });
      return chosen;
    }
    const candidates = [...this.inbound.values()].filter(
      (m) => m.format === detection.format && type !== undefined && m.messageTypes.includes(type),
    );
    return candidates[0];
  }

  outboundById(id: string): OutboundMapping {
    const mapping = this.outbound.get(id);
    if (!mapping)
      throw new TradeError('config', `unknown outbound mapping ${id}`, { stage: 'map' });
    return mapping;
  }

  outboundFor(documentType: string, format: string): OutboundMapping | undefined {
    return [...this.outbound.values()].find(
      (m) => m.documentType === documentType && m.format === format,
    );
  }

  /** Whether a mapping of this id is registered for the direction ('both': either way). */
  knowsMapping(id: string, direction: 'in' | 'out' | 'both'): boolean {
    if (direction === 'in') return this.inbound.has(id);
    if (direction === 'out') return this.outbound.has(id);
    return this.inbound.has(id) || this.outbound.has(id);
  }

  inboundMappings(): InboundMapping[] {
    return [...this.inbound.values()];
  }
}
