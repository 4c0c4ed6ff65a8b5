import { PollRuntime } from '../../gateway/connectors/poll.runtime';
import { addCarrier, pollNow } from '../support/carrier-sftp';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { SftpTestServer } from '../support/sftp-server';

interface Health {
  partnerId: string;
  webhookAuthFailures24h: number;
  webhookAuthFailures1h: number;
  transports: Array<{
    kind: string;
    reachable: boolean | null;
    lastSuccessAt: string | null;
    lastError: { message: string } | null;
    lastPoll: { outcome: string } | null;
    consecutiveFailures: number;
  }>;
}

describe('partner health: transport state (real sshd)', () => {
  let gw: TestGateway;
  let server: SftpTestServer;

  beforeAll(async () => {
    server = await SftpTestServer.start();
    gw = await startTestGateway();
    await addCarrier(gw, server, 'line-health');
  });
  afterAll(async () => {
    await stopTestGateway(gw);
    await server?.close();
  });

  const health = async (): Promise<Health> => {
    const response = await gw.request('/partners/health', { key: gw.adminKey });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Health[] };
    return items.find((p) => p.partnerId === 'line-health')!;
  };

  it('shows an SFTP server reachable after a poll it answered', async () => {
    expect((await pollNow(gw, 'line-health'))[0].outcome).toBe('polled');
    const [sftp] = (await health()).transports;
    expect(sftp).toMatchObject({ kind: 'sftp', reachable: true, lastError: null });
    expect(sftp).toMatchObject({ consecutiveFailures: 0, lastPoll: { outcome: 'ok' } });
    expect(Date.now() - Date.parse(sftp.lastSuccessAt!)).toBeLessThan(60_000);
  });

  it('shows it unreachable with the error once the server is down, keeping the last success', async () => {
    const before = (await health()).transports[0].lastSuccessAt;
    await server.stop();
    expect((await pollNow(gw, 'line-health'))[0].outcome).toBe('failed');
    const [sftp] = (await health()).transports;
    expect(sftp.reachable).toBe(false);
    expect(sftp.lastSuccessAt).toBe(before);
    expect(sftp.lastError?.message).toMatch(/\S/);
    expect(sftp).toMatchObject({ consecutiveFailures: 1, lastPoll: { outcome: 'error' } });
    // Another failed poll (an operator's, through the back-off) counts on.
    await gw.app.get(PollRuntime).pollNow('line-health', true);
    expect((await health()).transports[0].consecutiveFailures).toBe(2);
  });

  it('counts webhook signature failures of the last hour apart from the day', async () => {
    await gw.pool.query(
      `INSERT INTO webhook_auth_failures (partner_id, reason, at)
       VALUES ('line-health', 'bad-signature', now() - interval '2 hours'),
              ('line-health', 'bad-signature', now() - interval '5 minutes')`,
    );
    expect(await health()).toMatchObject({ webhookAuthFailures24h: 2, webhookAuthFailures1h: 1 });
  });
});
