import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';

describe('OpenAPI description: served at /docs and kept in docs/openapi.json', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => stopTestGateway(gw));

  it('serves the same description as docs/openapi.json (run `npm run openapi` when this fails)', async () => {
    const served = await (await gw.request('/docs/openapi.json')).json();
    const written = JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8'));
    expect(served).toEqual(written);
  });

  it('describes every operator and domain route, with bodies and queries from the zod schemas', async () => {
    const doc = (await (await gw.request('/docs/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown; parameters?: unknown[] }>>;
    };
    for (const path of [
      '/messages',
      '/trades/{ref}',
      '/partners/{id}',
      '/admin/api-keys',
      '/logistics/bookings',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    expect(doc.paths['/admin/api-keys'].post.requestBody).toMatchObject({
      content: { 'application/json': { schema: { required: ['name', 'role'] } } },
    });
    expect(doc.paths['/messages'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'cursor', in: 'query' })]),
    );
  });

  it('serves swagger UI from its own assets, not a CDN', async () => {
    const page = await gw.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[^"']*\.(js|css)/);
    const init = await gw.request('/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
  });

  it('answers a bad body with 400 naming each field by JSON pointer', async () => {
    const answer = await gw.request('/admin/api-keys', {
      method: 'POST',
      key: gw.adminKey,
      json: { role: 'boss', clientId: 'Not An Id' },
    });
    expect(answer.status).toBe(400);
    const { error } = (await answer.json()) as { error: { message: string[] } };
    expect(error.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/name: /),
        expect.stringMatching(/^\/role: /),
        expect.stringMatching(/^\/clientId: /),
      ]),
    );
  });
});
