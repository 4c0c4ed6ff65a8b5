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
    const e = located(err, stage);
    result.errors.push({
      stage: e.stage ?? stage,
      kind: e.kind,
      message: e.message,
      location: e.location,
      messageIndex,
    });
  };
  try {
    translateInto(result, input, options, fail);
  } catch (err) {
    // Last line of defence: a fault of ours must not reach the caller as an exception.
    fail(err, 'parse');
  }
  return result;
}

type Fail = (err: unknown, stage: Stage, messageIndex?: number) => void;

function translateInto(
  result: Translation,
  input: Buffer,
  options: TranslateOptions,
  fail: Fail,
): void {
  if (input.length === 0) {
    fail(
      new TradeError('rejected', 'empty input', { stage: 'detect', location: { offset: 0 } }),
      'detect',
    );
    return;
  }
  let detection: Detection | null;
  try {
    detection = withHint(options.registry.detect(input), options.hints);
  } catch (err) {
    fail(err, 'detect');
    return;
  }
  if (!detection) {
    fail(
      new TradeError('rejected', 'unrecognised format', {
        stage: 'detect',
        location: { offset: 0 },
      }),
      'detect',
    );
    return;
  }
  result.detection = detection;
  let decoded: DecodedMessage[];
  try {
    decoded = options.registry.codec(detection.format).decode(input, detection);
  } catch (err) {
    fail(err, 'parse');
    return;
  }
  // One error per unmapped message type, shared: a file of 100k such messages must not build
  // (and capture a stack for) 100k equal errors.
  const unmapped = new Map<string, TradeError>();
  for (const message of decoded) {
    const translated = mapOne(message, options, unmapped, (err, stage) =>
      fail(err, stage, message.index),
    );
    if (translated) result.messages.push(translated);
  }
}

/**
 * A TradeError as thrown, or anything else as an 'internal' error: an exception that is not a
 * TradeError is a fault of ours, not the partner's, and must not read as a rejection. It is
 * placed at the start of the input (offset 0), the only place known.
 */
function located(err: unknown, stage: Stage): TradeError {
  if (err instanceof TradeError) return err;
  const e = TradeError.from(err, 'internal', stage);
  return new TradeError('internal', `internal error while ${VERB[stage]}: ${e.message}`, {
    stage,
    location: { offset: 0 },
    cause: err,
  });
}

const VERB: Record<Stage, string> = {
  receive: 'receiving',
  detect: 'detecting the format',
  parse: 'parsing',
  validate: 'validating',
  map: 'mapping',
  publish: 'publishing',
  handle: 'handling',
  deliver: 'delivering',
};

function mapOne(
  message: DecodedMessage,
  options: TranslateOptions,
  unmapped: Map<string, TradeError>,
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
      let error = unmapped.get(type);
      if (!error) {
        const text = `no mapping for ${type} from partner ${options.context.partnerId}`;
        unmapped.set(type, (error = new TradeError('mapping', text, { stage: 'map' })));
      }
      fail(error, 'map');
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
      checks: options.registry.checks,
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
