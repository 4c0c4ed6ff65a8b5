import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** Parses query or body input with a zod schema; a 400 names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new BadRequestException(
    result.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`),
  );
}
