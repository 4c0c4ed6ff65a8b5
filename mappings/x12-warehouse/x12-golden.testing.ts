import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type { TradeError } from '../../core/errors/trade-error';
import type {
  InboundMapping,
  MappingContext,
  MappingResult,
} from '../../core/translation/contract';
import { x12Codec, type X12Message } from '../codecs/x12';
import { exampleUs3plSettings } from './example-3pl.settings';

/** The context golden cases run in: the example 3PL partner, a fixed receivedAt. */
export const goldenContext: MappingContext = {
  partnerId: 'pacific-crest',
  receivedAt: '2025-03-15T21:12:30Z',
  settings: exampleUs3plSettings,
};

/** Names of the `<case>.edi` files in a golden folder. */
export function goldenCases(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.edi'))
    .map((f) => f.slice(0, -'.edi'.length));
}

/**
 * Decodes `<case>.edi` with the X12 codec and maps every set, validating each document
 * against its canonical schema: the whole output, ready to compare with `<case>.expected.json`.
 */
export function mapGoldenCase(
  mapping: InboundMapping<X12Message>,
  dir: string,
  name: string,
  ctx: MappingContext = goldenContext,
): unknown {
  const input = readFileSync(join(dir, `${name}.edi`));
  const messages = x12Codec.decode(input, x12Codec.detect(input)!);
  const out = messages.map((m) => {
    const result = mapping.toCanonical(m, ctx);
    for (const doc of result.documents) validateDocument(doc.documentType, doc.payload);
    return { messageRef: m.messageRef, ...result };
  });
  return JSON.parse(JSON.stringify(out));
}

export function expectedOf(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
}

/** Decodes `text` with the X12 codec and maps its first set. */
export function mapText(
  mapping: InboundMapping<X12Message>,
  text: string,
  ctx: MappingContext = goldenContext,
): MappingResult {
  const input = Buffer.from(text);
  const [message] = x12Codec.decode(input, x12Codec.detect(input)!);
  return mapping.toCanonical(message, ctx);
}

/** The error mapping `text` throws; fails the test when it maps. */
export function mappingFailure(
  mapping: InboundMapping<X12Message>,
  text: string,
  ctx: MappingContext = goldenContext,
): TradeError {
  try {
    mapText(mapping, text, ctx);
  } catch (e) {
    return e as TradeError;
  }
  throw new Error(`expected ${mapping.id} to refuse the message`);
}

/** What an inbound mapping spec needs: its golden cases, a mapper and a refusal catcher. */
export function inboundHarness<T>(mapping: InboundMapping<X12Message>, dir: string) {
  const map = (text: string, ctx: MappingContext = goldenContext) => mapText(mapping, text, ctx);
  return {
    cases: goldenCases(dir),
    checkGolden: (name: string) =>
      expect(mapGoldenCase(mapping, dir, name)).toEqual(expectedOf(dir, name)),
    sample: (file: string) => readFileSync(join(dir, file), 'utf8'),
    map,
    mapError: (text: string) => mappingFailure(mapping, text),
    payloadOf: (text: string) => map(text).documents[0].payload as T,
  };
}
