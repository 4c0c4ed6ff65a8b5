import { PollWorker } from '../../gateway/connectors/poll.worker';
import { MessagingRuntime } from '../../gateway/messaging/messaging.runtime';
import { genericPartner, orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';

describe('console API: live counts, pending acknowledgements, stream and audit', () => {
  let gw: TestGateway;
  let messageId: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    await gw.partners.upsert(genericPartner('shop-console'));
    const response = await gw.request('/inbound/shop-console', {
      method: 'POST',
      json: orderJson('SO-CON-1'),
    });
    messageId = ((await response.json()) as { messageId: string }).messageId;
    await eventually(async () => {
      const { rows } = await gw.pool.query('SELECT state FROM messages WHERE id = $1', [messageId]);
      return rows[0]?.state === 'processed';
    });
  });
  afterAll(() => stopTestGateway(gw));

  it('counts messages per minute by partner, type and state', async () => {
    const response = await gw.request('/console/api/counts?minutes=10', { key: gw.adminKey });
    expect(response.status).toBe(200);
    const counts = (await response.json()) as {
      perMinute: Array<{ partnerId: string; state: string; count: number }>;
      states: Record<string, number>;
    };
    expect(counts.perMinute).toContainEqual(
      expect.objectContaining({ partnerId: 'shop-console', state: 'processed', count: 1 }),
    );
    expect(counts.states.processed).toBe(1);
  });

  it('counts refused webhook pushes in the partner health', async () => {
    await gw.pool.query(
      `INSERT INTO webhook_auth_failures (partner_id, reason) VALUES ('shop-console', 'bad-signature')`,
    );
    const response = await gw.request('/partners/health', { key: gw.adminKey });
    const { items } = (await response.json()) as {
      items: Array<{ partnerId: string; webhookAuthFailures24h: number }>;
    };
    expect(items.find((p) => p.partnerId === 'shop-console')?.webhookAuthFailures24h).toBe(1);
  });

  it('lists outbound messages still waiting for an acknowledgement', async () => {
    const sent = await gw.pool.query<{ id: string }>(
      `INSERT INTO messages (id, direction, partner_id, transport, content_hash, size_bytes, state, updated_at)
       VALUES (gen_random_uuid(), 'out', 'shop-console', 'sftp', 'h', 1, 'sent', now() - interval '3 hours')
       RETURNING id`,
    );
    const response = await gw.request('/console/api/acks/pending?olderThanMinutes=60', {
      key: gw.adminKey,
    });
    const { items } = (await response.json()) as { items: Array<{ messageId: string }> };
    expect(items.map((i) => i.messageId)).toEqual([sent.rows[0].id]);
  });

  it('streams counts as server-sent events', async () => {
    const aborter = new AbortController();
    const response = await gw.request('/console/api/stream', {
      key: gw.adminKey,
      signal: aborter.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    aborter.abort();
    expect(text).toMatch(/^event: counts\ndata: \{.*"processed":1/);
  });

  it('reads RabbitMQ queue depths, bull job counts and outbox lag as they are now', async () => {
    interface Backlogs {
      queues: Array<{ name: string; messages: number; consumers: number }>;
      jobs: Array<{ name: string; counts: Record<string, number> | null }>;
      outbox: { pending: number; oldestAgeSeconds: number };
      inbox: { pending: number };
    }
    const read = async () =>
      (await (await gw.request('/console/api/backlogs', { key: gw.adminKey })).json()) as Backlogs;
    const polls = gw.app.get(PollWorker).queue;
    const before = await read();
    // Every handler queue and its dead-letter queue, each with this gateway's consumer.
    const handlers = gw.app.get(MessagingRuntime).handlerNames();
    expect(before.queues.length).toBe(handlers.length * 2);
    expect(before.queues.some((q) => q.consumers > 0)).toBe(true);
    expect(before.outbox).toEqual({
      pending: expect.any(Number),
      oldestAgeSeconds: expect.any(Number),
    });
    expect(before.inbox.pending).toEqual(expect.any(Number));
    const delayedBefore = before.jobs.find((j) => j.name === polls.name)!.counts!.delayed;
    const job = await polls.add(
      { partnerId: 'nobody', kind: 'sftp', index: 0, intervalMs: 1 } as never,
      {
        delay: 3_600_000,
      },
    );
    try {
      const after = await read();
      expect(after.jobs.find((j) => j.name === polls.name)!.counts!.delayed).toBe(
        delayedBefore + 1,
      );
    } finally {
      await job.remove();
    }
    // A client key sees neither the platform's queues nor their events.
    const client = await gw.key('viewer', 'nbhs');
    expect((await gw.request('/console/api/backlogs', { key: client })).status).toBe(403);
  });

  it('streams backlogs after counts to staff', async () => {
    const aborter = new AbortController();
    const response = await gw.request('/console/api/stream', {
      key: gw.adminKey,
      signal: aborter.signal,
    });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('event: backlogs')) {
      text += new TextDecoder().decode((await reader.read()).value);
    }
    aborter.abort();
    expect(text).toMatch(/event: backlogs\ndata: \{.*"queues":\[/);
  });

  it('audits a replay and a key issue with who and when; viewers cannot read the audit', async () => {
    const operator = await gw.key('operator');
    const replay = await gw.request(`/messages/${messageId}/replay?force=true`, {
      method: 'POST',
      key: operator,
    });
    expect(replay.status).toBe(202);
    const issued = await gw.request('/admin/api-keys', {
      method: 'POST',
      key: gw.adminKey,
      json: { name: 'night shift', role: 'viewer' },
    });
    const { id: keyId } = (await issued.json()) as { id: string };
    const response = await gw.request('/audit', { key: operator });
    const { items } = (await response.json()) as {
      items: Array<{ action: string; target: string; actor: string; role: string; at: string }>;
    };
    expect(items.map((i) => [i.action, i.target, i.role])).toEqual([
      ['api-key.issue', keyId, 'admin'],
      ['message.replay', messageId, 'operator'],
    ]);
    expect(items[1].actor).toBe('test-operator');
    expect(Date.parse(items[1].at)).not.toBeNaN();
    expect((await gw.request('/audit', { key: await gw.key('viewer') })).status).toBe(403);
  });
});
