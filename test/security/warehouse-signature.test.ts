import { signedQuery } from '../../connectors/transports/http';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';

const APP_KEY = 'ak-sec-1';
const APP_SECRET = 'sec-secret-0123456789';
const auth = {
  type: 'signed-query' as const,
  appKey: APP_KEY,
  appSecret: APP_SECRET,
  algorithm: 'md5' as const,
  format: 'json',
  version: '1.0',
};

describe('security: the 4PX-style push signature cannot be re-split or doubled', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
    await gw.partners.upsert({
      id: 'wh-sec',
      name: 'Warehouse for signature tests',
      kind: 'warehouse',
      connector: 'warehouse-rest',
      formats: [
        { format: 'json', messageType: 'warehouse.inbound', mapping: 'warehouse-rest-inbound' },
      ],
      transports: [
        { kind: 'http-inbound', direction: 'in', appKey: APP_KEY, appSecret: APP_SECRET },
      ],
    });
  });
  afterAll(() => stopTestGateway(gw));

  const post = (query: string, body: string) =>
    gw.request(`/inbound/wh-sec?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
  const stored = async () =>
    Number(
      (await gw.pool.query(`SELECT count(*) FROM messages WHERE partner_id = 'wh-sec'`)).rows[0]
        .count,
    );

  it('accepts a push signed as the partner signs it', async () => {
    const body = JSON.stringify({ event_type: 'inbound.status', event_id: 'e-1', data: {} });
    const query = new URLSearchParams(signedQuery('fu.wms.push', body, auth));
    expect((await post(query.toString(), body)).status).toBe(202);
  });

  it('refuses a body prefix moved into an extra query parameter, though the sign still matches', async () => {
    const body = JSON.stringify({ event_type: 'inbound.status', event_id: 'e-2', data: {} });
    const signed = signedQuery('fu.wms.push', body, auth);
    // '{' sorts after 'v', so a parameter named with the body's first bytes (and no value)
    // makes exactly the text that was signed, while the stored body loses those bytes.
    const forged = new URLSearchParams(signed);
    forged.append(body.slice(0, 10), '');
    const before = await stored();
    const answer = await post(forged.toString(), body.slice(10));
    expect(answer.status).toBe(401);
    expect(await stored()).toBe(before);
  });

  it('refuses a repeated sign (sign=00&sign=<valid>)', async () => {
    const body = JSON.stringify({ event_type: 'inbound.status', event_id: 'e-3', data: {} });
    const signed = signedQuery('fu.wms.push', body, auth);
    const query = new URLSearchParams({ ...signed, sign: '00' });
    query.append('sign', signed.sign);
    const answer = await post(query.toString(), body);
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(
      /sign.*repeated/,
    );
  });
});
