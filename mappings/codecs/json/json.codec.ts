import type { Codec, DecodedMessage, Detection } from '../../../core/translation/contract';
import {
  amazonSniffer,
  genericOrderSniffer,
  shopeeSniffer,
  vatInvoiceSniffer,
} from './json-commerce-sniffers';
import { parseJson, type JsonLimits } from './json-parse';
import {
  dcsaArrivalNoticeSniffer,
  dcsaBookingSniffer,
  dcsaPointToPointSniffer,
  dcsaShippingInstructionsSniffer,
  dcsaTntSniffer,
  dcsaVgmSniffer,
  type JsonSniffer,
} from './json-sniffers';
import {
  fpxWarehouseSniffer,
  shipbobProductsSniffer,
  shipbobWroBoxesSniffer,
  shipbobWroSniffer,
} from './json-warehouse-sniffers';

/** The built-in shape sniffers, most specific first. */
export const DEFAULT_JSON_SNIFFERS: readonly JsonSniffer[] = [
  dcsaTntSniffer,
  dcsaBookingSniffer,
  dcsaShippingInstructionsSniffer,
  dcsaVgmSniffer,
  dcsaArrivalNoticeSniffer,
  dcsaPointToPointSniffer,
  fpxWarehouseSniffer,
  shipbobWroSniffer,
  shipbobProductsSniffer,
  shipbobWroBoxesSniffer,
  shopeeSniffer,
  amazonSniffer,
  genericOrderSniffer,
  vatInvoiceSniffer,
];

export interface JsonCodecOptions {
  sniffers?: readonly JsonSniffer[];
  limits?: Partial<JsonLimits>;
}

/** The first byte after an optional BOM and whitespace. */
function firstByte(input: Buffer): number | undefined {
  let i = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  while (
    i < input.length &&
    (input[i] === 0x20 || input[i] === 0x0a || input[i] === 0x0d || input[i] === 0x09)
  )
    i++;
  return input[i];
}

/** JSON starts with '{' or '[' after an optional BOM and whitespace. */
export function looksLikeJson(input: Buffer): boolean {
  const first = firstByte(input);
  return first === 0x7b || first === 0x5b;
}

/**
 * An object member cut out of a larger document (`"response": {...}`, as API documentation
 * quotes examples): read as the object holding that one member. Only when it parses so.
 */
function memberFragment(input: Buffer, parse: (b: Buffer) => unknown): unknown {
  if (firstByte(input) !== 0x22) return undefined;
  try {
    return parse(Buffer.concat([Buffer.from('{'), input, Buffer.from('}')]));
  } catch {
    return undefined;
  }
}

/**
 * JSON codec with pluggable sniffers that name the partner standard and message type. Detection
 * parses (the result is kept for decode); input that is not valid JSON is still detected as
 * JSON so that decode reports where it breaks.
 */
export function createJsonCodec(options: JsonCodecOptions = {}): Codec<unknown> {
  const sniffers = options.sniffers ?? DEFAULT_JSON_SNIFFERS;
  const parsed = new WeakMap<Buffer, unknown>();
  const parse = (input: Buffer): unknown => {
    if (parsed.has(input)) return parsed.get(input);
    const value = parseJson(input, options.limits);
    parsed.set(input, value);
    return value;
  };
  return {
    format: 'json',
    detect(input: Buffer): Detection | null {
      if (!looksLikeJson(input)) {
        const member = memberFragment(input, (b) => parseJson(b, options.limits));
        if (member === undefined) return null;
        parsed.set(input, member);
      }
      let value: unknown;
      try {
        value = parse(input);
      } catch {
        return { format: 'json', standard: 'JSON', charset: 'utf-8' };
      }
      for (const sniff of sniffers) {
        const shape = sniff(value);
        if (shape) return { format: 'json', ...shape, charset: 'utf-8' };
      }
      return { format: 'json', standard: 'JSON', charset: 'utf-8' };
    },
    decode(input: Buffer, detection: Detection): Array<DecodedMessage<unknown>> {
      return [{ detection, index: 0, tree: parse(input) }];
    },
  };
}

export const jsonCodec: Codec<unknown> = createJsonCodec();
