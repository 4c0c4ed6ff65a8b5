import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { ApiKeyRepository, type Role } from '../../core/storage/api-key.repository';
import { PG_POOL } from '../infra/tokens';
import { hasRole, type Principal } from './principal';

const ROLE_KEY = 'tradehub:role';

/** The least role a route needs (viewer when not set). */
export const RequireRole = (role: Role) => SetMetadata(ROLE_KEY, role);

type WithPrincipal = FastifyRequest & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => {
    const principal = ctx.switchToHttp().getRequest<WithPrincipal>().principal;
    if (!principal) throw new UnauthorizedException('no principal');
    return principal;
  },
);

// Keys are looked up by hash on each request; a short cache spares PostgreSQL the round trip
// while keeping revocation effective within seconds.
const CACHE_MS = 5000;

/** API-key authentication (X-API-Key or Bearer) and role check for the operator API. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WithPrincipal>();
    const key = presentedKey(request);
    if (!key)
      throw new UnauthorizedException(
        'missing API key (X-API-Key header or Authorization: Bearer)',
      );
    const principal = await this.lookup(key);
    if (!principal) throw new UnauthorizedException('unknown or revoked API key');
    const needed =
      this.reflector.getAllAndOverride<Role | undefined>(ROLE_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'viewer';
    if (!hasRole(principal, needed))
      throw new ForbiddenException(`role ${principal.role} may not do this; ${needed} needed`);
    request.principal = principal;
    return true;
  }

  private async lookup(key: string): Promise<Principal | null> {
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.principal;
    const row = await this.keys.findByKey(this.pool, key);
    const principal = row
      ? { keyId: row.id, name: row.name, role: row.role, clientId: row.clientId }
      : null;
    this.cache.set(key, { principal, until: Date.now() + CACHE_MS });
    return principal;
  }
}

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = request.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}
