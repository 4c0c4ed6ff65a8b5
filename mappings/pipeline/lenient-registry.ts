import type {
  Codec,
  Detection,
  FormatId,
  InboundMapping,
  OutboundMapping,
} from '../../core/translation/contract';
import { createEdifactCodec } from '../codecs/edifact';
import { createX12Codec } from '../codecs/x12';
import { FormatRegistry, type PartnerFormatHint } from './format-registry';

/**
 * A registry that decodes some formats with other codecs and otherwise is `base`: same
 * detection order, same mappings. Detection stays the base's, so only `decode` changes.
 */
class CodecOverrideRegistry extends FormatRegistry {
  override readonly checks: 'strict' | 'lenient';

  constructor(
    private readonly base: FormatRegistry,
    private readonly overrides: readonly Codec[],
    checks?: 'strict' | 'lenient',
  ) {
    super();
    this.checks = checks ?? base.checks;
  }

  override detect(input: Buffer): Detection | null {
    return this.base.detect(input);
  }

  override codec(format: FormatId): Codec {
    return this.overrides.find((c) => c.format === format) ?? this.base.codec(format);
  }

  override inboundFor(
    detection: Detection,
    hints?: readonly PartnerFormatHint[],
  ): InboundMapping | undefined {
    return this.base.inboundFor(detection, hints);
  }

  override outboundById(id: string): OutboundMapping {
    return this.base.outboundById(id);
  }

  override outboundFor(documentType: string, format: string): OutboundMapping | undefined {
    return this.base.outboundFor(documentType, format);
  }

  override inboundMappings(): InboundMapping[] {
    return this.base.inboundMappings();
  }
}

/** `base` with the given codecs decoding their formats instead of its own. */
export function withCodecs(
  base: FormatRegistry,
  codecs: readonly Codec[],
  checks?: 'strict' | 'lenient',
): FormatRegistry {
  return new CodecOverrideRegistry(base, codecs, checks);
}

/** A partner record's envelope checks (`settings.checks`). */
export type EnvelopeChecks = 'strict' | 'lenient';

/** The registry a partner's envelope checks ask for: one rule for the gateway and the CLI. */
export function registryForChecks(
  checks: EnvelopeChecks | undefined,
  registries: { strict: FormatRegistry; lenient: FormatRegistry },
): FormatRegistry {
  return checks === 'lenient' ? registries.lenient : registries.strict;
}

/**
 * `base` with the envelope checks relaxed the way partner records can relax them: EDIFACT
 * control counts and references become warnings (checks 'lenient'), as do X12 control-number
 * mismatches (controlNumbers 'warning', leading zeros included), wrong X12 SE01/GE01/IEA01
 * counts (counts 'warning') and X12 interchanges wrapped at a fixed width (lineWrap 'unwrap').
 * Its mappings are told so (MappingContext.checks 'lenient'): a CEB line code that is a
 * placeholder where the head has the real one becomes a warning. Syntax errors still fail.
 */
export function lenientRegistry(base: FormatRegistry): FormatRegistry {
  return withCodecs(
    base,
    [
      createEdifactCodec({ checks: 'lenient' }),
      createX12Codec({ controlNumbers: 'warning', counts: 'warning', lineWrap: 'unwrap' }),
    ],
    'lenient',
  );
}
