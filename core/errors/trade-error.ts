/**
 * The one error type of TradeHub. Its `kind` decides, in one place, whether a failure is
 * retried (transient), dead-lettered or quarantined (rejected, mapping), or fixed by an
 * operator (config). Nothing parses error strings to decide.
 */
export type ErrorKind = 'config' | 'transient' | 'rejected' | 'mapping' | 'internal';

/** Where a processing stage stood when it failed. */
export type Stage =
  'receive' | 'detect' | 'parse' | 'validate' | 'map' | 'publish' | 'handle' | 'deliver';

/**
 * Location in the partner's input: an EDIFACT segment ("segment 7 STS"), an XPath
 * ("/CEB303Message/Order/OrderHead/orderNo"), a SWIFT field tag (":61:"), a JSON pointer, or a line.
 */
export interface InputLocation {
  segmentIndex?: number;
  segmentTag?: string;
  xpath?: string;
  fieldTag?: string;
  pointer?: string;
  line?: number;
  column?: number;
  offset?: number;
}

export interface TradeErrorOptions {
  stage?: Stage;
  location?: InputLocation;
  cause?: unknown;
  code?: string;
  /** For transient errors: how long the partner asked us to wait (Retry-After). */
  retryAfterMs?: number;
  /** Partner-facing facts an operator acts on (fingerprint offered vs pinned, path, status). */
  detail?: Record<string, unknown>;
}

export class TradeError extends Error {
  readonly kind: ErrorKind;
  readonly stage?: Stage;
  readonly location?: InputLocation;
  readonly code?: string;
  readonly retryAfterMs?: number;
  readonly detail?: Record<string, unknown>;

  constructor(kind: ErrorKind, message: string, options: TradeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TradeError';
    this.kind = kind;
    this.stage = options.stage;
    this.location = options.location;
    this.code = options.code;
    this.retryAfterMs = options.retryAfterMs;
    if (options.detail) this.detail = options.detail;
  }

  /** Transient failures are retried with back-off; every other kind is not. */
  get retryable(): boolean {
    return this.kind === 'transient';
  }

  /** Wraps anything thrown into a TradeError; unknown errors count as internal. */
  static from(err: unknown, fallback: ErrorKind = 'internal', stage?: Stage): TradeError {
    if (err instanceof TradeError) return err;
    const message = err instanceof Error ? err.message : String(err);
    return new TradeError(fallback, message, { cause: err, stage });
  }
}

/** Human-readable form of a location, e.g. "segment 7 (STS)" or "xpath /a/b". */
export function formatLocation(location: InputLocation | undefined): string {
  if (!location) return '';
  const parts: string[] = [];
  if (location.segmentIndex !== undefined) {
    parts.push(
      `segment ${location.segmentIndex}${location.segmentTag ? ` (${location.segmentTag})` : ''}`,
    );
  } else if (location.segmentTag) parts.push(`segment ${location.segmentTag}`);
  if (location.xpath) parts.push(`xpath ${location.xpath}`);
  if (location.fieldTag) parts.push(`field ${location.fieldTag}`);
  if (location.pointer !== undefined) parts.push(`pointer ${location.pointer || '/'}`);
  if (location.line !== undefined)
    parts.push(
      `line ${location.line}${location.column !== undefined ? `:${location.column}` : ''}`,
    );
  if (location.offset !== undefined && parts.length === 0) parts.push(`offset ${location.offset}`);
  return parts.join(', ');
}
