import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../core/storage/api-key.repository';
import { ApiKeyAuthenticator } from './api-key.authenticator';
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

/** API-key authentication (X-API-Key or Bearer) and role check for the operator API. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WithPrincipal>();
    const key = presentedKey(request);
    const principal = key ? await this.authenticator.authenticate(key) : 'missing';
    if (typeof principal === 'string') {
      this.authenticator.recordFailure(principal, request.ip, request.routeOptions.url ?? '');
      throw new UnauthorizedException(
        principal === 'missing'
          ? 'missing API key (X-API-Key header or Authorization: Bearer)'
          : 'unknown or revoked API key',
      );
    }
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
}

/** The API key a request presents, if any. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = request.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}
