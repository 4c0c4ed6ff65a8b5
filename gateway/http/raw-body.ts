import type { FastifyInstance, FastifyRequest } from 'fastify';

const INBOUND_PREFIX = '/inbound/';

/**
 * Partner bodies must reach the store byte for byte, whatever their content type, so the
 * inbound routes get the raw Buffer; the operator API still gets parsed JSON. Fastify's own
 * body limit answers 413 before anything is stored.
 */
export function installBodyParsers(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit },
    (request: FastifyRequest, body: Buffer, done) => {
      if (request.url.startsWith(INBOUND_PREFIX)) return done(null, body);
      if (body.length === 0) return done(null, undefined);
      const type = request.headers['content-type'] ?? '';
      if (!/json/i.test(type)) return done(null, body);
      try {
        done(null, JSON.parse(body.toString('utf8')) as unknown);
      } catch {
        const error = Object.assign(new Error('request body is not valid JSON'), {
          statusCode: 400,
          code: 'bad-json',
        });
        done(error, undefined);
      }
    },
  );
}
