import { z } from 'zod';

/** One bad field of a partner record, by JSON path (`$.transports[0].port`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** `['transports', 0, 'auth', 'type']` as `$.transports[0].auth.type`. */
export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>(
    (path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${String(key)}`),
    '$',
  );
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);

/**
 * Keys of the input the schema dropped: zod objects strip what they do not declare, so a
 * misspelt field (`hostKeySha265`) would otherwise pass and be ignored until the first poll.
 * Comparing input and output works for every schema shape (unions, defaults, preprocessing)
 * without each connector having to write `.strict()` at every level.
 */
export function unknownKeys(
  input: unknown,
  output: unknown,
  at: PropertyKey[] = [],
): PropertyKey[][] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, i) => unknownKeys(item, output[i], [...at, i]));
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return [];
  return Object.keys(input).flatMap((key) =>
    key in output ? unknownKeys(input[key], output[key], [...at, key]) : [[...at, key]],
  );
}

// The fields an object schema declares, so that a misspelt one is named even when other
// problems make the parse fail (the input/output comparison needs a successful parse).
function declaredKeys(schema: z.ZodType): Set<string> | undefined {
  return schema instanceof z.ZodObject ? new Set(Object.keys(schema.shape)) : undefined;
}

/** Every problem of one settings object under its schema, unknown fields included. */
export function settingsIssues(
  schema: z.ZodType,
  settings: unknown,
  at: PropertyKey[],
): FieldIssue[] {
  const parsed = schema.safeParse(settings);
  const unknown = parsed.success
    ? unknownKeys(settings, parsed.data)
    : Object.keys(isPlainObject(settings) ? settings : {})
        .filter((key) => declaredKeys(schema)?.has(key) === false)
        .map((key) => [key]);
  const problems = parsed.success ? [] : parsed.error.issues;
  return [
    ...unknown.map((path) => ({ path: jsonPath([...at, ...path]), message: 'unknown field' })),
    ...problems.map((i) => ({ path: jsonPath([...at, ...i.path]), message: i.message })),
  ];
}
