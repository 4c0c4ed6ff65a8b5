import { orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { testConfig } from '../support/test-config';
import { ACME_WEBSHOP_DEMO_SECRET, signedHeaders } from '../support/webhook-signing';

/**
 * HANDLERS splits the handler queues between processes: an order taken by a commerce-only
 * gateway waits in the marketing queue until a marketing process starts, then is handled there,
 * once, with nothing lost in between.
 */
describe('handler roles (HANDLERS)', () => {
  let commerceOnly: TestGateway;
  let marketingOnly: TestGateway | undefined;

  beforeAll(async () => {
    commerceOnly = await startTestGateway({ env: { HANDLERS: 'commerce,delivery' } });
  });
  afterAll(async () => {
    await marketingOnly?.app.close();
    await stopTestGateway(commerceOnly);
  });

  const count = async (sql: string, orderNo: string) =>
    Number((await commerceOnly.pool.query(sql, [orderNo])).rows[0].n);
  const marketingRows = (orderNo: string) =>
    count(`SELECT count(*) AS n FROM marketing_orders WHERE order_no = $1`, orderNo);
  const commerceRows = (orderNo: string) =>
    count(`SELECT count(*) AS n FROM commerce_orders WHERE order_no = $1`, orderNo);

  it('leaves the marketing queue to the process that consumes it', async () => {
    const body = JSON.stringify(orderJson('SO-ROLES-1'));
    const posted = await commerceOnly.request('/inbound/acme-webshop', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signedHeaders(ACME_WEBSHOP_DEMO_SECRET, body),
      },
      body,
    });
    expect(posted.status).toBe(202);
    await eventually(async () => (await commerceRows('SO-ROLES-1')) === 1);
    const consumed = async () =>
      Number(
        (
          await commerceOnly.pool.query(
            `SELECT count(*) AS n FROM processed_envelopes WHERE consumer = 'marketing'`,
          )
        ).rows[0].n,
      );
    expect(await consumed()).toBe(0);
    expect(await marketingRows('SO-ROLES-1')).toBe(0);

    // A second process on the same store and broker, consuming marketing only.
    const config = testConfig({
      DATABASE_URL: commerceOnly.config.database.url,
      RABBITMQ_NAMESPACE: commerceOnly.config.rabbit.namespace,
      BULL_PREFIX: commerceOnly.config.redis.bullPrefix,
      HANDLERS: 'marketing',
    });
    marketingOnly = await startTestGateway({ config });
    await eventually(async () => (await marketingRows('SO-ROLES-1')) === 1);
    expect(await consumed()).toBe(1);
    expect(await commerceRows('SO-ROLES-1')).toBe(1);
  });

  it('refuses to start with a handler name that no handler has', async () => {
    await expect(
      startTestGateway({
        config: testConfig({
          DATABASE_URL: commerceOnly.config.database.url,
          RABBITMQ_NAMESPACE: commerceOnly.config.rabbit.namespace,
          BULL_PREFIX: commerceOnly.config.redis.bullPrefix,
          HANDLERS: 'commerce,marketting',
        }),
      }),
    ).rejects.toThrow('HANDLERS names "marketting", which no handler has');
  });
});
