import type { z } from 'zod';
import { invalidInput } from './zod-pipe';

/**
 * A body that does not fit the schema answers 400 naming each field by JSON pointer, in the
 * same shape as the ZodPipe (`message: ["/field: reason", ...]`).
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw invalidInput(parsed.error.issues);
}
