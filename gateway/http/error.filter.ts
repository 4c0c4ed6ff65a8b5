import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { TradeError, formatLocation, type ErrorKind } from '../../core/errors/trade-error';
import type { Logger } from '../../core/logging/logger';
import { isDependencyOutage } from '../../core/resilience';
import { LOGGER } from '../infra/tokens';

const STATUS_OF: Record<ErrorKind, number> = {
  config: 404,
  rejected: 422,
  mapping: 422,
  transient: 503,
  internal: 500,
};

// What a caller is told to wait when PostgreSQL, Redis or RabbitMQ is away (a restart takes
// seconds) or PostgreSQL is out of disk or connections.
const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * Every error answers as JSON `{ error: { status, code, message, location? } }`. A dependency
 * outage (a database restarting, a broker away) is 503 with Retry-After, not 500: the caller's
 * request was fine and will succeed when it tries again.
 */
@Catch()
export class JsonErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const outage = isDependencyOutage(exception);
    const { status, body } = outage
      ? {
          status: 503,
          body: {
            code: 'dependency-unavailable',
            message: 'a dependency is restarting or out of room; retry',
          },
        }
      : this.describe(exception);
    if (outage) {
      this.logger.warn({ err: (exception as Error).message }, 'request met a dependency outage');
      void reply.header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
    } else if (status >= 500) this.logger.error({ err: exception }, 'request failed');
    void reply
      .status(status)
      .header('content-type', 'application/json')
      .send({ error: { status, ...body } });
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : ((response as { message?: unknown }).message ?? exception.message);
      // Validation answers list every bad field (`issues`: JSON path and message).
      const issues =
        typeof response === 'object' ? (response as { issues?: unknown }).issues : undefined;
      return { status: exception.getStatus(), body: { code: exception.name, message, issues } };
    }
    if (exception instanceof TradeError) {
      const status = exception.code === 'conflict' ? 409 : STATUS_OF[exception.kind];
      return {
        status,
        body: {
          code: exception.code ?? exception.kind,
          message: exception.message,
          location: formatLocation(exception.location) || undefined,
        },
      };
    }
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
      return {
        status: fastifyError.statusCode,
        body: { code: fastifyError.code ?? 'bad-request', message: fastifyError.message },
      };
    }
    return { status: 500, body: { code: 'internal', message: 'internal error' } };
  }
}
