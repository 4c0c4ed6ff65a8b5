import { randomUUID } from 'node:crypto';
import { HousekeepingService } from '../../gateway/operations/housekeeping.service';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';

describe('housekeeping', () => {
  let gw: TestGateway;
  beforeAll(async () => (gw = await startTestGateway()));
  afterAll(() => stopTestGateway(gw));

  it('purges expired published outbox rows and idempotency records, and nothing else', async () => {
    const [oldDone, oldPending, fresh] = [randomUUID(), randomUUID(), randomUUID()];
    await gw.pool.query(
      `INSERT INTO outbox (envelope_id, exchange, routing_key, body, published_at, created_at) VALUES
         ($1, 'trade.events', 'x.y.z', '{}', now() - interval '8 days', now() - interval '8 days'),
         ($2, 'trade.events', 'x.y.z', '{}', NULL, now() - interval '8 days'),
         ($3, 'trade.events', 'x.y.z', '{}', now(), now())`,
      [oldDone, oldPending, fresh],
    );
    await gw.pool.query(
      `INSERT INTO processed_envelopes (consumer, envelope_id, processed_at) VALUES
         ('commerce', $1, now() - interval '31 days'), ('commerce', $2, now())`,
      [oldDone, fresh],
    );
    await gw.app.get(HousekeepingService).runOnce();
    const outbox = await gw.pool.query(
      `SELECT envelope_id FROM outbox WHERE envelope_id = ANY($1::uuid[]) ORDER BY id`,
      [[oldDone, oldPending, fresh]],
    );
    expect(outbox.rows.map((r) => r.envelope_id)).toEqual([oldPending, fresh]);
    const processed = await gw.pool.query(
      `SELECT envelope_id FROM processed_envelopes WHERE envelope_id = ANY($1::uuid[])`,
      [[oldDone, fresh]],
    );
    expect(processed.rows.map((r) => r.envelope_id)).toEqual([fresh]);
  });
});
