import type { z } from 'zod';
import { mergeRefs, type TradeRefKind, type TradeRefs } from './trade-refs';

/** One canonical document type: its schema, version, default routing key and reference extractor. */
export interface DocumentDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  version: string;
  schema: S;
  /** Routing key `<domain>.<entity>.<event>` used when a mapping names no other. */
  defaultEventType: string;
  /** Every trade reference the document names, deduplicated. */
  refs(payload: z.infer<S>): TradeRefs;
}

const EVENT_TYPE = /^[a-z]+\.[a-z-]+\.[a-z-]+$/;

/** Declares a document; a malformed routing key is a programming error caught at import. */
export function defineDocument<S extends z.ZodType>(
  def: DocumentDefinition<S>,
): DocumentDefinition<S> {
  if (!EVENT_TYPE.test(def.defaultEventType)) {
    throw new Error(`${def.name}: bad default event type "${def.defaultEventType}"`);
  }
  return def;
}

type RefValue = string | undefined | null | ReadonlyArray<string | undefined | null>;

/** Builds TradeRefs from optional values and lists, dropping blanks and duplicates. */
export function collectRefs(input: Partial<Record<TradeRefKind, RefValue>>): TradeRefs {
  const raw: TradeRefs = {};
  for (const [kind, value] of Object.entries(input) as Array<[TradeRefKind, RefValue]>) {
    const list = Array.isArray(value) ? value : [value];
    raw[kind] = list.filter((v): v is string => typeof v === 'string');
  }
  return mergeRefs(raw);
}
