import {
  BadRequestException,
  Param,
  type ArgumentMetadata,
  type PipeTransform,
} from '@nestjs/common';
import { z } from 'zod';

/** A JSON pointer (RFC 6901) to a field of the request part that failed. */
export function pointerOf(path: ReadonlyArray<PropertyKey>, prefix: string[] = []): string {
  return `/${[...prefix, ...path.map(String)].map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** A 400 naming every bad field by JSON pointer. */
export function invalidInput(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix: string[] = [],
): BadRequestException {
  return new BadRequestException(issues.map((i) => `${pointerOf(i.path, prefix)}: ${i.message}`));
}

/**
 * Validates (and coerces) a body, query or path parameter with the zod schema the OpenAPI
 * description is generated from; a path parameter's pointer names the parameter.
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(readonly schema: S) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.infer<S> {
    const result = this.schema.safeParse(value ?? (metadata.type === 'param' ? value : {}));
    if (result.success) return result.data;
    throw invalidInput(
      result.error.issues,
      metadata.type === 'param' && metadata.data ? [metadata.data] : [],
    );
  }
}

export const UuidSchema = z.uuid('must be a UUID');

/** A path parameter that must be a UUID: 400 naming it otherwise, never a database error. */
export const UuidParam = (name: string) => Param(name, new ZodPipe(UuidSchema));
