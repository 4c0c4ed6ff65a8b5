import type { FastifyInstance } from 'fastify';
import { pointerOf } from './zod-pipe';

/** The pointer of the first string (or key) holding a NUL character, if any. */
export function nulAt(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = nulAt(inner, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold NUL, so a NUL in a path or query parameter or a JSON string
 * would reach the database and answer 500. Refused at the edge with 400 naming the field;
 * partners' raw bodies (buffers) are stored as bytes and not looked into.
 */
export function refuseNulBytes(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const parts = { params: request.params, query: request.query, body: request.body };
    for (const [part, value] of Object.entries(parts)) {
      const path = nulAt(value);
      if (path)
        throw Object.assign(
          new Error(`${part} ${pointerOf(path)}: must not contain a NUL character`),
          { statusCode: 400, code: 'bad-request' },
        );
    }
  });
}
