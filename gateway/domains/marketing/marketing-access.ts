import { ForbiddenException } from '@nestjs/common';
import { hasRole, type Principal } from '../../auth/principal';

/**
 * The client_key a query is limited to: a client key's own client (asking for another is
 * refused), or for staff keys the client asked for, or none (every client).
 */
export function scopeOf(principal: Principal, requested?: string): string | null {
  if (principal.clientId !== null) {
    if (requested && requested !== principal.clientId)
      throw new ForbiddenException(
        `a key of client ${principal.clientId} sees its own client only`,
      );
    return principal.clientId;
  }
  return requested ?? null;
}

/** The client a change is made for: client keys for their own, operators for any (or none). */
export function actingClientKey(principal: Principal, requested?: string): string {
  if (principal.clientId === null && !hasRole(principal, 'operator'))
    throw new ForbiddenException(`role ${principal.role} may not do this; operator needed`);
  return scopeOf(principal, requested) ?? '';
}
