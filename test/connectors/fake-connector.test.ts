import { OutboundQueue } from '../../core/outbound/outbound-queue';
import { inTransaction } from '../../core/storage/database';
import { connectorManifests } from '../../connectors/registry';
import { PollRuntime } from '../../gateway/connectors/poll.runtime';
import { FORMAT_REGISTRY } from '../../gateway/infra/tokens';
import type { FormatRegistry } from '../../mappings/pipeline/format-registry';
import { fakeCourierManifest } from '../support/fake-connector/fake-courier.manifest';
import { fakeServer } from '../support/fake-connector/fake-parts';
import { orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';

// The fake connector is one folder (test/support/fake-connector) plus one entry in the list of
// manifests: no other file of the gateway names it.
describe('a connector added by its manifest alone', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ connectors: [...connectorManifests, fakeCourierManifest] });
    await gw.partners.upsert({
      id: 'fake-courier-1',
      name: 'Fake courier',
      kind: 'generic',
      connector: 'fake-courier',
      formats: [
        { format: 'json', messageType: 'fake.courier-order', mapping: 'fake-courier-order' },
      ],
      transports: [
        { kind: 'fake-drop', direction: 'in' },
        { kind: 'fake-send', direction: 'out' },
        { kind: 'http-inbound', direction: 'in', key: 'fake-key-123' },
      ],
    });
  });
  afterAll(() => stopTestGateway(gw));

  const processedOrder = (orderNo: string) =>
    eventually(async () => {
      const { rows } = await gw.pool.query<{ transport: string; state: string }>(
        `SELECT m.transport, m.state FROM documents d JOIN messages m ON m.id = d.message_id
          WHERE d.document_type = 'SalesOrder' AND d.envelope->'refs'->'orderNo'->>0 = $1`,
        [orderNo],
      );
      return rows[0];
    });

  it('checks pushes with its verifier and maps them with its mapping', async () => {
    const body = JSON.stringify({ courierOrder: orderJson('FAKE-PUSH-1') });
    const post = (key: string) =>
      gw.request('/inbound/fake-courier-1', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-fake-key': key },
        body,
      });
    expect((await post('wrong-key')).status).toBe(401);
    expect((await post('fake-key-123')).status).toBe(202);
    expect(await processedOrder('FAKE-PUSH-1')).toEqual({ transport: 'http', state: 'processed' });
  });

  it('polls with its poller', async () => {
    fakeServer.waiting.push(
      Buffer.from(JSON.stringify({ courierOrder: orderJson('FAKE-DROP-1') })),
    );
    await gw.app.get(PollRuntime).pollNow('fake-courier-1');
    expect(fakeServer.waiting).toHaveLength(0);
    expect(await processedOrder('FAKE-DROP-1')).toEqual({
      transport: 'fake-drop',
      state: 'processed',
    });
  });

  it('renders with its outbound mapping and delivers over its transport', async () => {
    const render = gw.app
      .get<FormatRegistry>(FORMAT_REGISTRY)
      .outboundById('fake-courier-order-render');
    const rendered = render.render(
      { orderNo: 'FAKE-OUT-1' },
      { partnerId: 'fake-courier-1', receivedAt: new Date().toISOString(), controlRef: '1' },
    );
    await inTransaction(gw.pool, (tx) =>
      gw.app.get(OutboundQueue).queue(tx, {
        partnerId: 'fake-courier-1',
        connector: 'fake-courier',
        transport: 'fake-send',
        rendered,
      }),
    );
    const delivered = await eventually(async () => fakeServer.delivered[0]);
    expect(JSON.parse(delivered.body.toString())).toEqual({ courierOrderNo: 'FAKE-OUT-1' });
  });
});
