import { TradeError } from '../../../core/errors/trade-error';
import { locateJsonError } from './json-locate';

export interface JsonLimits {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** Deepest nesting of objects and arrays (the top value is depth 1). */
  maxDepth: number;
}

export const DEFAULT_JSON_LIMITS: Readonly<JsonLimits> = Object.freeze({
  maxBytes: 32 * 1024 * 1024,
  maxDepth: 64,
});

/** Text of JSON bytes: UTF-8 with an optional BOM. */
export function jsonText(input: Buffer): string {
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  return input.toString('utf8', bom);
}

/**
 * Parses JSON within size and depth limits. The native parser does the work; when it fails (or
 * nesting is too deep) a second scan says where: line, column and JSON Pointer.
 */
export function parseJson(input: Buffer, limits: Partial<JsonLimits> = {}): unknown {
  const { maxBytes, maxDepth } = { ...DEFAULT_JSON_LIMITS, ...limits };
  if (input.length > maxBytes) {
    throw new TradeError(
      'rejected',
      `JSON input of ${input.length} bytes exceeds the ${maxBytes} byte limit`,
      {
        stage: 'parse',
        location: { offset: maxBytes },
        code: 'JSON_LIMIT',
      },
    );
  }
  const text = jsonText(input);
  if (nestingDepth(text) > maxDepth) throw locateJsonError(text, maxDepth);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw locateJsonError(text, maxDepth);
  }
}

/** Deepest bracket nesting outside strings, counted in one pass. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 92) i++;
        else if (s === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}
