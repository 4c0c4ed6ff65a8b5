import {
  formatLocation,
  TradeError,
  type ErrorKind,
  type InputLocation,
  type Stage,
} from '../../core/errors/trade-error';
import { validateDocument } from '../../core/model/documents';
import type { Detection, MappedDocument } from '../../core/translation/contract';
import type { FormatRegistry, PartnerFormatHint } from '../../mappings/pipeline/format-registry';
import {
  translate,
  type Translation,
  type TranslationIssue,
} from '../../mappings/pipeline/translate';
import { summarizeTree, syntaxWarnings } from './tree-summary';

/** One failure of a file, located for people (`location`) and for programs (`where`). */
export interface FileIssue {
  stage: Stage;
  kind: ErrorKind;
  message: string;
  /** Human-readable location ('segment 7 (STS)', 'xpath /a/b'); '' when the error has none. */
  location: string;
  where?: InputLocation;
  messageIndex?: number;
}

/** One message of the file that came through: its mapping and documents, or its tree. */
export interface FileMessage {
  index: number;
  ref?: string;
  messageType?: string;
  mappingId?: string;
  documents: MappedDocument[];
  warnings: string[];
  /** Compact description of the syntax tree, for messages without a mapping. */
  tree: string;
}

export interface FileResult {
  file: string;
  detection?: Detection;
  /** Messages found in the file, the failed ones included. */
  messageCount: number;
  messages: FileMessage[];
  errors: FileIssue[];
  /** The codec decoded the file (detection and parse passed). */
  parsed: boolean;
  /** What the codec accepted with a warning (lenient envelope checks, tolerated deviations). */
  syntaxWarnings: string[];
  /** The strict error (parse, or map) a lenient reading got past; set only when that happened. */
  lenientBecause?: FileIssue;
}

/** strict: strict only; lenient: lenient only; fallback: lenient when strict parsing fails. */
export type ParseMode = 'strict' | 'lenient' | 'fallback';

export interface FileTranslateOptions {
  strict: FormatRegistry;
  lenient: FormatRegistry;
  mode: ParseMode;
  partnerId: string;
  clientId?: string;
  hints?: readonly PartnerFormatHint[];
  /** When the file counts as received (ISO 8601 with zone). */
  receivedAt: string;
}

/**
 * Translates one file's bytes into a FileResult. Never throws: a crash inside the pipeline is
 * reported as an internal error of the file, so one bad file cannot stop a folder run.
 */
export function translateFile(
  file: string,
  input: Buffer,
  options: FileTranslateOptions,
): FileResult {
  try {
    const run = (registry: FormatRegistry) =>
      toResult(file, translateWith(input, registry, options));
    if (options.mode === 'lenient') return run(options.lenient);
    const strict = run(options.strict);
    if (options.mode === 'strict' || strict.errors.length === 0 || !strict.detection) return strict;
    // A parse failure falls back to what lenient parsing reads; a mapping failure only to a
    // lenient run that maps cleanly (a recoverable deviation read with a located warning: a
    // line placeholder code the head settles, a DTM longer than its format ...).
    const lenient = run(options.lenient);
    const better = strict.parsed ? lenient.errors.length === 0 : lenient.parsed;
    return better ? { ...lenient, lenientBecause: strict.errors[0] } : strict;
  } catch (err) {
    return failedFile(file, err, 'parse');
  }
}

/** A file that could not be read or crashed the pipeline. */
export function failedFile(file: string, err: unknown, stage: Stage): FileResult {
  const e = TradeError.from(err, 'internal', stage);
  return {
    file,
    messageCount: 0,
    messages: [],
    errors: [
      toIssue({ stage: e.stage ?? stage, kind: e.kind, message: e.message, location: e.location }),
    ],
    parsed: false,
    syntaxWarnings: [],
  };
}

function translateWith(input: Buffer, registry: FormatRegistry, o: FileTranslateOptions) {
  return translate(input, {
    registry,
    context: { partnerId: o.partnerId, clientId: o.clientId, receivedAt: o.receivedAt },
    hints: o.hints,
    validate: (type, payload) => validateDocument(type, payload),
    // The CLI shows what has no mapping as a parsed tree instead of failing it.
    requireMapping: false,
  });
}

function toResult(file: string, t: Translation): FileResult {
  // translate() reports a decode failure as the one issue without a message index.
  const parseFailed = t.errors.some((e) => e.messageIndex === undefined);
  const failedIndexes = new Set(t.errors.map((e) => e.messageIndex).filter((i) => i !== undefined));
  return {
    file,
    detection: t.detection,
    messageCount: t.messages.length + failedIndexes.size,
    messages: t.messages.map((m) => ({
      index: m.decoded.index,
      ref: m.decoded.messageRef,
      messageType: m.decoded.detection.messageType,
      mappingId: m.mappingId,
      documents: m.documents,
      warnings: m.warnings,
      tree: m.mappingId ? '' : summarizeTree(m.decoded),
    })),
    errors: t.errors.map(toIssue),
    parsed: t.detection !== undefined && !parseFailed,
    // An interchange's warnings reach every message of it: listed once.
    syntaxWarnings: [...new Set(t.messages.flatMap((m) => syntaxWarnings(m.decoded)))],
  };
}

function toIssue(issue: TranslationIssue): FileIssue {
  return {
    stage: issue.stage,
    kind: issue.kind,
    message: issue.message,
    location: formatLocation(issue.location),
    ...(issue.location ? { where: issue.location } : {}),
    ...(issue.messageIndex !== undefined ? { messageIndex: issue.messageIndex } : {}),
  };
}

/** The `--json` line of a file: the contract other tools read (see docs/cli.md). */
export function toJsonLine(r: FileResult): string {
  return JSON.stringify({
    file: r.file,
    format: r.detection?.format ?? null,
    standard: r.detection?.standard ?? null,
    version: r.detection?.version ?? null,
    messageType: r.detection?.messageType ?? null,
    messages: r.messageCount,
    canonical: r.messages.flatMap((m) => m.documents),
    errors: r.errors.map((e) => ({
      stage: e.stage,
      message: e.message,
      location: e.location,
      ...(e.where ? { where: e.where } : {}),
    })),
    warnings: [
      ...(r.lenientBecause ? [`parsed leniently: ${describeIssue(r.lenientBecause)}`] : []),
      ...r.syntaxWarnings,
      ...r.messages.flatMap((m) => m.warnings),
    ],
  });
}

/** 'parse at segment 8 (UNT): UNT count 8 but ...' */
export function describeIssue(issue: FileIssue): string {
  return `${issue.stage}${issue.location ? ` at ${issue.location}` : ''}: ${issue.message}`;
}

/** True when the issue says where in the input it happened. */
export function isLocated(issue: FileIssue): boolean {
  return issue.location !== '';
}
