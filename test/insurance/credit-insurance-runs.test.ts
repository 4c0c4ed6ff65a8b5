import type { Envelope } from '../../core/envelope/envelope';
import nock from 'nock';
import { commercialInvoice } from '../../core/model/documents/__fixtures__/commerce.fixture';
import { insurancePolicy } from '../../core/model/documents/__fixtures__/finance.fixture';
import { billOfLading } from '../../core/model/documents/__fixtures__/logistics.fixture';
import { PartnerRepository } from '../../core/storage/partner.repository';
import { useNockForPartners } from '../connectors/http-connector-support';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { clientEnvelope, publishEnvelope } from '../support/publish-envelope';
import { insuranceTimeAt, upsertSinosure } from './sinosure-support';

const HOST = 'https://sinosure-runs.example';
const INVOICE = commercialInvoice.invoiceNo;
const BUYER = commercialInvoice.buyer.name;
const usd = (amount: string) => ({ amount, currency: 'USD' });

interface Declaration {
  invoiceNo: string;
  deadline: string;
  declarationRef?: string;
  onTime?: boolean;
  lossNoticeNo?: string;
}

describe('credit insurance: scheduled runs, limit applications and claims through Sinosure', () => {
  let gw: TestGateway;
  useNockForPartners();
  const at = (iso: string) => insuranceTimeAt(gw, iso);
  const post = (path: string, json: unknown, key = gw.adminKey) =>
    gw.request(path, { method: 'POST', key, json });
  const declarations = async () =>
    (await (
      await gw.request('/insurance/declarations', { key: gw.adminKey })
    ).json()) as Declaration[];
  const publish = (e: Envelope) => publishEnvelope(gw.pool, e);
  const event = <P>(
    type: string,
    documentType: string,
    payload: P,
    refs: Record<string, string[]>,
  ) => clientEnvelope({ type, documentType, payload, refs }, 'nbhs', '2026-09-01T18:00:00+08:00');

  beforeAll(async () => {
    gw = await startTestGateway({ env: { INSURANCE_RUN_MS: '200' } });
    at('2026-08-31T09:00:00+08:00');
    for (const id of ['nbhs', 'other'])
      await new PartnerRepository().upsertClient(gw.pool, { id, name: id, identifiers: [] });
    await upsertSinosure(gw, HOST, 'k-runs');
    const policy = { ...insurancePolicy, periodStart: '2026-01-01', periodEnd: '2026-12-31' };
    const put = await gw.request('/insurance/policies', {
      method: 'PUT',
      key: gw.adminKey,
      json: { clientId: 'nbhs', policy },
    });
    expect(put.status).toBe(200);
  });
  afterAll(() => stopTestGateway(gw));

  it('applies for the buyer limit and puts the decision in force, each client its own', async () => {
    const application = {
      clientId: 'nbhs',
      policyNo: insurancePolicy.policyNo,
      buyer: { name: BUYER, country: 'US' },
      requestedAmount: usd('60000.00'),
      paymentTerm: 'OA',
      creditDays: 30,
    };
    const bad = await post('/insurance/credit-limit-applications', {
      ...application,
      buyer: { name: BUYER },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('/buyer/country');

    const { clientId: _client, ...sent } = application;
    const scope = nock(HOST, { reqheaders: { 'x-api-key': 'k-runs' } })
      .post('/v1/credit-limits', sent)
      .reply(202, { applicationNo: 'LA-2026-0311', status: 'REQUESTED' })
      .get('/v1/credit-limits/LA-2026-0311')
      .reply(200, {
        applicationNo: 'LA-2026-0311',
        status: 'REDUCED',
        limitNo: 'XY2026-0311',
        buyerCode: 'USA/123456',
        approvedAmount: usd('50000.00'),
        effectiveDate: '2026-08-31',
      });
    const applied = await post('/insurance/credit-limit-applications', application);
    expect([applied.status, await applied.json()]).toEqual([
      201,
      { applicationNo: 'LA-2026-0311', status: 'REQUESTED' },
    ]);
    const other = await gw.key('operator', 'other');
    const foreign = await post(
      '/insurance/credit-limit-applications/LA-2026-0311/decision',
      {},
      other,
    );
    expect(foreign.status).toBe(404);
    const decided = await post('/insurance/credit-limit-applications/LA-2026-0311/decision', {});
    expect(await decided.json()).toMatchObject({ status: 'REDUCED', buyerName: BUYER });
    scope.done();
    const { rows } = await gw.pool.query(
      `SELECT status, approved::text AS approved, buyer_code AS "buyerCode" FROM insurance_limits`,
    );
    // Reduced from 60,000.00 to 50,000.00: in force at what Sinosure approved.
    expect(rows).toEqual([{ status: 'APPROVED', approved: '50000.00', buyerCode: 'USA/123456' }]);
  });

  it('declares on board before the deadline, reports the overdue receivable, then files the claim', async () => {
    const invoice = {
      ...commercialInvoice,
      paymentTerms: { method: 'OA' as const, creditDays: 30 },
    };
    await publish(
      event('commerce.invoice.issued', 'CommercialInvoice', invoice, { invoiceNo: [INVOICE] }),
    );
    await eventually(
      async () => (await gw.pool.query('SELECT 1 FROM insurance_invoices')).rowCount === 1,
    );
    // Sinosure is down at first: the declaration stays due and a later run sends it.
    const declared = nock(HOST)
      .post('/v1/shipment-declarations')
      .times(3)
      .reply(503)
      .post('/v1/shipment-declarations', (b: Record<string, unknown>) => b.dueDate === '2026-10-01')
      .reply(201, { declarationRef: 'SD-2026-09-0311', premium: usd('73.50') });
    at('2026-09-02T10:00:00+08:00');
    const bl = { ...billOfLading, shippedOnBoardDate: '2026-09-01', invoiceNos: [INVOICE] };
    await publish(
      event('logistics.bill-of-lading.issued', 'BillOfLading', bl, {
        blNo: [bl.blNo],
        invoiceNo: [INVOICE],
      }),
    );
    const [d] = await eventually(async () => {
      const list = await declarations();
      return list[0]?.declarationRef ? list : undefined;
    }, 30000);
    declared.done();
    // On board Tue 09-01: Wed 2, Thu 3, Fri 4, Mon 7, Tue 8 -> deadline 09-08; sent 09-02.
    expect(d).toMatchObject({
      deadline: '2026-09-08',
      declarationRef: 'SD-2026-09-0311',
      onTime: true,
    });

    // A claim before the notice of possible loss is refused.
    expect((await post('/insurance/claims', { clientId: 'nbhs', invoiceNo: INVOICE })).status).toBe(
      409,
    );

    // Due 10-01, unpaid: on 11-05 it is 35 days past due, and the run files the notice itself.
    const notice = nock(HOST)
      .post('/v1/possible-loss-notices', (b: Record<string, unknown>) => b.overdueDays === 35)
      .reply(201, { noticeNo: 'PL-2026-0311', receivedAt: '2026-11-05T09:00:00+08:00' });
    at('2026-11-05T09:00:00+08:00');
    await eventually(async () => (await declarations())[0]?.lossNoticeNo === 'PL-2026-0311');
    notice.done();

    const claim = nock(HOST)
      .post('/v1/claims', {
        policyNo: insurancePolicy.policyNo,
        buyerCode: 'USA/123456',
        noticeNo: 'PL-2026-0311',
        claimedAmount: usd('21000.00'),
        invoiceNos: [INVOICE],
      })
      .reply(201, { claimNo: 'CL-2026-0311', stage: 'CLAIM_FILED' });
    const filed = await post('/insurance/claims', { clientId: 'nbhs', invoiceNo: INVOICE });
    expect(filed.status).toBe(201);
    // Indemnity = 90% x min(loss 21,000.00, limit 50,000.00) = 18,900.00.
    const expected = {
      claimNo: 'CL-2026-0311',
      noticeNo: 'PL-2026-0311',
      invoiceNos: [INVOICE],
      claimedAmount: usd('21000.00'),
      indemnityRatioPercent: '90',
      indemnityAmount: usd('18900.00'),
      stage: 'CLAIM_FILED',
    };
    expect(await filed.json()).toMatchObject(expected);
    claim.done();
    // Filing again answers the claim on file, without a second filing to Sinosure.
    expect(
      await (await post('/insurance/claims', { clientId: 'nbhs', invoiceNo: INVOICE })).json(),
    ).toMatchObject(expected);
    const own = await gw.key('viewer', 'nbhs');
    const other = await gw.key('viewer', 'other');
    const list = async (key: string) =>
      (await (await gw.request('/insurance/claims', { key })).json()) as unknown[];
    expect([(await list(own)).length, (await list(other)).length]).toEqual([1, 0]);
  });

  it('documents the filing routes with their zod bodies in the OpenAPI description', async () => {
    const doc = (await (await gw.request('/docs/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const schemaOf = (path: string) => doc.paths[path]?.post?.requestBody;
    expect(schemaOf('/insurance/credit-limit-applications')).toMatchObject({
      content: {
        'application/json': {
          schema: {
            required: ['policyNo', 'buyer', 'requestedAmount', 'paymentTerm', 'creditDays'],
          },
        },
      },
    });
    expect(schemaOf('/insurance/claims')).toMatchObject({
      content: { 'application/json': { schema: { required: ['invoiceNo'] } } },
    });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/insurance/credit-limit-applications/{applicationNo}/decision',
        '/insurance/runs',
      ]),
    );
  });
});
