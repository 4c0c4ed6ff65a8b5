import type { Role } from '../../core/storage/api-key.repository';

/** Who is calling the operator API: a role, and for client keys the one client they may see. */
export interface Principal {
  keyId: string;
  name: string;
  role: Role;
  clientId: string | null;
}

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function hasRole(principal: Principal, needed: Role): boolean {
  return RANK[principal.role] >= RANK[needed];
}

/** The client filter a principal forces on every query: its own client, or none for staff keys. */
export function clientScope(principal: Principal): string | undefined {
  return principal.clientId ?? undefined;
}

/** Whether a row attributed to `clientId` is visible to the principal. */
export function canSee(principal: Principal, clientId: string | null | undefined): boolean {
  return principal.clientId === null || principal.clientId === clientId;
}
