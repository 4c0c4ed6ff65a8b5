import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';
import { jsonPointer } from '../../core/model/documents';

/** A body that does not fit the schema answers 400 naming each field by JSON pointer. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new BadRequestException({
    message: 'invalid body',
    fields: parsed.error.issues.map((i) => ({ pointer: jsonPointer(i.path), message: i.message })),
  });
}
