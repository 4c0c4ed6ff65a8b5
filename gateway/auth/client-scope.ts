import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { canSee, hasRole, type Principal } from './principal';

/**
 * Who may ask TradeHub to act (book, send SI, plan, set thresholds): operators, and client keys
 * for their own client. Viewers without a client only look.
 */
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

/** A row the principal may not see is answered as absent, so its existence does not leak. */
export function visibleOr404<T extends { clientId: string | null }>(
  principal: Principal,
  row: T | undefined,
  what: string,
): T {
  if (!row || !canSee(principal, row.clientId)) throw new NotFoundException(`${what} not found`);
  return row;
}

/** The client_key column: '' for rows no client owns. */
export const clientKey = (clientId: string | null | undefined): string => clientId ?? '';

/** The client rows a principal may list: its own, or all (null) for staff keys. */
export const scopeOf = (principal: Principal): string | null =>
  principal.clientId === null ? null : principal.clientId;

/**
 * Tables every client's figures are computed from (FX rate tables) are kept by staff
 * operators: a client key may not write them, even as its own client's key.
 */
export function staffOperator(principal: Principal, what: string): void {
  if (principal.clientId !== null) throw new ForbiddenException(`operators set ${what}`);
  actingClient(principal);
}
