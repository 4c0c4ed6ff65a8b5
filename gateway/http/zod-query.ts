import type { z } from 'zod';
import { invalidInput } from './zod-pipe';

/** Parses query or body input with a zod schema; a 400 names every bad field by JSON pointer. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw invalidInput(result.error.issues);
}
