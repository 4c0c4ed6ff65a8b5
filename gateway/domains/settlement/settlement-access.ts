import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { z } from 'zod';
import { jsonPointer } from '../../../core/model/documents';
import { canSee, hasRole, type Principal } from '../../auth/principal';

/** The client rows a principal may list: its own, or all (null) for staff keys. */
export const scopeOf = (principal: Principal): string | null =>
  principal.clientId === null ? null : principal.clientId;

/** Operators act for any client; a client key only for its own. */
export function actingClient(principal: Principal, requested?: string | null): string | null {
  if (principal.clientId !== null) {
    if (requested && requested !== principal.clientId)
      throw new ForbiddenException(`a key of client ${principal.clientId} acts for it only`);
    return principal.clientId;
  }
  if (!hasRole(principal, 'operator'))
    throw new ForbiddenException(`role ${principal.role} may not do this; operator needed`);
  return requested ?? null;
}

/** Another client's row is answered as absent, so its existence does not leak. */
export function visibleOr404<T extends { clientId: string | null }>(
  principal: Principal,
  row: T | undefined,
  what: string,
): T {
  if (!row || !canSee(principal, row.clientId)) throw new NotFoundException(`${what} not found`);
  return row;
}

/** A body that does not fit the schema answers 400 naming each field by JSON pointer. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new BadRequestException({
    message: 'invalid body',
    fields: parsed.error.issues.map((i) => ({ pointer: jsonPointer(i.path), message: i.message })),
  });
}
