import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { genericPartner, orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';

describe('security: large messages are translated off the HTTP thread, bounded in memory', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    // Every message counts as large here, so each one goes through the worker pool.
    gw = await startTestGateway({
      env: {
        NORMALIZER_WORKER_MIN_BYTES: '1',
        NORMALIZER_WORKERS: '1',
        NORMALIZER_WORKER_MEMORY_MB: '96',
        INBOUND_MAX_BYTES: String(80 * 1024 * 1024),
      },
    });
    await gw.partners.upsert(genericPartner('shop-large', { clientId: 'nbhs' }));
    await gw.partners.upsert(genericPartner('carrier-large', { settings: { checks: 'lenient' } }));
  });
  afterAll(() => stopTestGateway(gw));

  const post = async (body: string, partner = 'shop-large', type = 'application/json') => {
    const answer = await gw.request(`/inbound/${partner}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    expect(answer.status).toBe(202);
    const { messageId } = (await answer.json()) as { messageId: string };
    return eventually(async () => {
      const { rows } = await gw.pool.query(
        `SELECT state, client_id, last_error FROM messages WHERE id = $1 AND state IN ('processed', 'failed')`,
        [messageId],
      );
      return rows[0] as { state: string; client_id: string; last_error: { reason: string } };
    }, 150_000);
  };

  it('processes a message in a worker thread as it would in process', async () => {
    const done = await post(JSON.stringify(orderJson('SO-LARGE-1')));
    expect(done).toMatchObject({ state: 'processed', client_id: 'nbhs' });
    const docs = await gw.pool.query(
      `SELECT d.document_type FROM documents d JOIN messages m ON m.id = d.message_id
        WHERE m.partner_id = 'shop-large'`,
    );
    expect(docs.rows).toEqual([{ document_type: 'SalesOrder' }]);
    // Bounds, not timing assertions: under Jest the worker compiles its TypeScript at start.
  }, 180_000);

  it("reads a lenient partner's message with the partner's checks in the worker too", async () => {
    const golden = join(__dirname, '../../mappings/edifact-iftsta/golden/sino-ningbo-export.edi');
    const miscounted = readFileSync(golden, 'latin1').replace("UNT+33+1'", "UNT+32+1'");
    const done = await post(miscounted, 'carrier-large', 'application/edifact');
    expect(done).toMatchObject({ state: 'processed' });
  }, 180_000);

  it('fails a message that needs more than the memory cap, and the gateway goes on', async () => {
    const line = orderJson('x').lines as unknown[];
    const lines = Array.from({ length: 120_000 }, (_, i) => ({
      ...(line[0] as object),
      sku: `SKU-${i}`,
    }));
    const huge = await post(JSON.stringify(orderJson('SO-LARGE-2', { lines })));
    expect(huge.state).toBe('failed');
    expect(huge.last_error.reason).toMatch(/memory|too large/);
    expect((await gw.request('/health')).status).toBe(200);
    const after = await post(JSON.stringify(orderJson('SO-LARGE-3')));
    expect(after.state).toBe('processed');
  }, 300_000);
});
