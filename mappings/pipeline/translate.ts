import { TradeError, type InputLocation, type Stage } from '../../core/errors/trade-error';
import type {
  DecodedMessage,
  Detection,
  MappedDocument,
  MappingContext,
} from '../../core/translation/contract';
import type { FormatRegistry, PartnerFormatHint } from './format-registry';

export interface TranslationIssue {
  stage: Stage;
  kind: TradeError['kind'];
  message: string;
  location?: InputLocation;
  /** Which message of the input failed, when the input held several. */
  messageIndex?: number;
  /** What an acknowledgement reports, e.g. ISO 9735 0085 '23' for an unknown sender. */
  code?: string;
}

export interface TranslatedMessage {
  decoded: DecodedMessage;
  mappingId?: string;
  documents: MappedDocument[];
  warnings: string[];
}

export interface Translation {
  detection?: Detection;
  messages: TranslatedMessage[];
  errors: TranslationIssue[];
}

export interface TranslateOptions {
  registry: FormatRegistry;
  context: MappingContext;
  hints?: readonly PartnerFormatHint[];
  /** Validates a canonical payload against its schema; throws a located TradeError. */
  validate: (documentType: string, payload: unknown) => unknown;
  /** A message without a mapping is an error (gateway) or just undecoded (CLI). */
  requireMapping: boolean;
}

/**
 * detect -> parse -> map -> validate, pure. Every failure is returned as an issue with its
 * stage and location, never thrown, so callers can store and show it.
 */
export function translate(input: Buffer, options: TranslateOptions): Translation {
  const result: Translation = { messages: [], errors: [] };
  const fail = (err: unknown, stage: Stage, messageIndex?: number) => {
    const e = TradeError.from(
      err,
      stage === 'map' || stage === 'validate' ? 'mapping' : 'rejected',
      stage,
    );
    result.errors.push({
      stage: e.stage ?? stage,
      kind: e.kind,
      message: e.message,
      location: e.location,
      messageIndex,
    });
  };
  if (input.length === 0) {
    fail(new TradeError('rejected', 'empty input', { stage: 'detect' }), 'detect');
    return result;
  }
  const detection = withHint(options.registry.detect(input), options.hints);
  if (!detection) {
    fail(
      new TradeError('rejected', 'unrecognised format', {
        stage: 'detect',
        location: { offset: 0 },
      }),
      'detect',
    );
    return result;
  }
  result.detection = detection;
  let decoded: DecodedMessage[];
  try {
    decoded = options.registry.codec(detection.format).decode(input, detection);
  } catch (err) {
    fail(err, 'parse');
    return result;
  }
  for (const message of decoded) {
    const translated = mapOne(message, options, (err, stage) => fail(err, stage, message.index));
    if (translated) result.messages.push(translated);
  }
  return result;
}

function mapOne(
  message: DecodedMessage,
  options: TranslateOptions,
  fail: (err: unknown, stage: Stage) => void,
): TranslatedMessage | undefined {
  let mapping;
  try {
    mapping = options.registry.inboundFor(message.detection, options.hints);
  } catch (err) {
    fail(err, 'map');
    return undefined;
  }
  if (!mapping) {
    if (options.requireMapping) {
      const type = `${message.detection.format} ${message.detection.messageType ?? '(unknown type)'}`;
      fail(
        new TradeError(
          'mapping',
          `no mapping for ${type} from partner ${options.context.partnerId}`,
          { stage: 'map' },
        ),
        'map',
      );
      return undefined;
    }
    return { decoded: message, documents: [], warnings: [] };
  }
  const settings = options.hints?.find(
    (h) => h.mapping === mapping.id || h.messageType === message.detection.messageType,
  )?.settings;
  let mapped;
  try {
    mapped = mapping.toCanonical(message, {
      ...options.context,
      settings: settings ?? options.context.settings,
    });
  } catch (err) {
    fail(err, 'map');
    return undefined;
  }
  try {
    for (const doc of mapped.documents)
      doc.payload = options.validate(doc.documentType, doc.payload);
  } catch (err) {
    fail(err, 'validate');
    return undefined;
  }
  return {
    decoded: message,
    mappingId: mapping.id,
    documents: mapped.documents,
    warnings: mapped.warnings,
  };
}

// JSON says little about itself: when the bytes do not name a message type, the partner's
// single declared JSON type does.
function withHint(
  detection: Detection | null,
  hints: readonly PartnerFormatHint[] = [],
): Detection | null {
  if (!detection || detection.messageType) return detection;
  const same = hints.filter((h) => h.format === detection.format && h.direction !== 'out');
  return same.length === 1 ? { ...detection, messageType: same[0].messageType } : detection;
}
