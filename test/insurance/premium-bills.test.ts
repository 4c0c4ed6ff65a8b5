import type { Envelope } from '../../core/envelope/envelope';
import nock from 'nock';
import { commercialInvoice } from '../../core/model/documents/__fixtures__/commerce.fixture';
import { insurancePolicy } from '../../core/model/documents/__fixtures__/finance.fixture';
import { billOfLading } from '../../core/model/documents/__fixtures__/logistics.fixture';
import { bankStatement } from '../../core/model/documents/__fixtures__/banking.fixture';
import { PartnerRepository } from '../../core/storage/partner.repository';
import { useNockForPartners } from '../connectors/http-connector-support';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { clientEnvelope, publishEnvelope } from '../support/publish-envelope';
import { untilIdle } from '../support/idle';
import { insuranceTimeAt, upsertSinosure } from './sinosure-support';

const HOST = 'https://sinosure-bills.example';
const INVOICE = commercialInvoice.invoiceNo;
const POLICY = insurancePolicy.policyNo;
const usd = (amount: string) => ({ amount, currency: 'USD' });

interface Bill {
  clientId: string;
  policyNo: string;
  period: string;
  billNo: string;
  flagged: boolean;
  state: string;
  paidAt?: string;
  paymentRef?: string;
  paidBy?: string;
  reconciliation: {
    difference: { amount: string };
    computedTotal: { amount: string };
    lines: Array<{ invoiceNo: string; status: string; difference: { amount: string } }>;
  };
}

describe("Sinosure's monthly premium bill fetched and reconciled with the declarations", () => {
  let gw: TestGateway;
  useNockForPartners();
  const publish = (e: Envelope) => publishEnvelope(gw.pool, e);
  const event = <P>(type: string, documentType: string, payload: P) =>
    clientEnvelope({ type, documentType, payload }, 'nbhs', '2026-04-30T18:00:00+08:00');
  const bills = async (key: string, query = '') =>
    (await (await gw.request(`/insurance/premium-bills${query}`, { key })).json()) as Bill[];

  beforeAll(async () => {
    gw = await startTestGateway({ env: { INSURANCE_RUN_MS: '200' } });
    insuranceTimeAt(gw, '2026-04-30T18:00:00+08:00');
    for (const id of ['nbhs', 'other'])
      await new PartnerRepository().upsertClient(gw.pool, { id, name: id, identifiers: [] });
    await upsertSinosure(gw, HOST, 'k-bills');
  });
  afterAll(() => stopTestGateway(gw));

  it('stores the bill per policy and month, flags the premium Sinosure billed differently', async () => {
    const put = (path: string, json: unknown) =>
      gw.request(path, { method: 'PUT', key: gw.adminKey, json });
    const policy = { ...insurancePolicy, periodStart: '2026-01-01', periodEnd: '2026-12-31' };
    expect((await put('/insurance/policies', { clientId: 'nbhs', policy })).status).toBe(200);
    const limit = {
      clientId: 'nbhs',
      buyerName: commercialInvoice.buyer.name,
      policyNo: POLICY,
      buyerCode: 'USA/123456',
      status: 'APPROVED',
      approved: '50000.00',
      currency: 'USD',
    };
    expect((await put('/insurance/limits', limit)).status).toBe(200);
    const invoice = {
      ...commercialInvoice,
      paymentTerms: { method: 'OA' as const, creditDays: 90 },
    };
    await publish(event('commerce.invoice.issued', 'CommercialInvoice', invoice));
    await eventually(
      async () => (await gw.pool.query('SELECT 1 FROM insurance_invoices')).rowCount === 1,
    );
    // Declared on 6 May: the platform computes 21,000.00 x 0.35% = 73.50.
    const declared = nock(HOST)
      .post('/v1/shipment-declarations')
      .reply(201, {
        declarationRef: 'SD-2026-05-0088',
        premiumRatePercent: '0.35',
        premium: usd('73.50'),
        acceptedAt: '2026-05-06T09:00:00+08:00',
      });
    insuranceTimeAt(gw, '2026-05-06T09:00:00+08:00');
    const bl = { ...billOfLading, shippedOnBoardDate: '2026-04-30', invoiceNos: [INVOICE] };
    await publish(event('logistics.bill-of-lading.issued', 'BillOfLading', bl));
    await eventually(async () => {
      const res = await gw.request('/insurance/declarations', { key: gw.adminKey });
      return ((await res.json()) as Array<{ declarationRef?: string }>)[0]?.declarationRef;
    }, 30000);
    declared.done();

    // Sinosure's May bill (the README's shape) charges 75.60 for the declaration; the
    // scheduled run fetches it from 5 June on, once.
    const bill = (premium: string) => ({
      billNo: 'PB-202605-0012',
      policyNo: POLICY,
      period: '202605',
      lines: [{ declarationRef: 'SD-2026-05-0088', invoiceNo: INVOICE, premium: usd(premium) }],
      total: usd(premium),
      dueDate: '2026-06-15',
    });
    const billed = nock(HOST, { reqheaders: { 'x-api-key': 'k-bills' } })
      .get('/v1/premium-bills')
      .query({ policyNo: POLICY, period: '202605' })
      .reply(200, bill('75.60'));
    insuranceTimeAt(gw, '2026-06-05T09:00:00+08:00');
    const own = await gw.key('viewer', 'nbhs');
    await eventually(async () => (await bills(own)).length === 1);
    billed.done();
    const [stored] = await bills(own, '?period=202605');
    // 75.60 billed - 73.50 computed = 2.10.
    expect(stored).toMatchObject({
      clientId: 'nbhs',
      policyNo: POLICY,
      period: '202605',
      billNo: 'PB-202605-0012',
      flagged: true,
      reconciliation: {
        computedTotal: usd('73.50'),
        difference: usd('2.10'),
        lines: [{ invoiceNo: INVOICE, status: 'DIFFERENT', difference: usd('2.10') }],
      },
    });
    const other = await gw.key('operator', 'other');
    expect(await bills(other)).toEqual([]);
    // Later runs fetch nothing more (nock would refuse a second request).
    const run = await gw.request('/insurance/runs', { method: 'POST', key: gw.adminKey });
    expect(await run.json()).toMatchObject({ billed: [] });

    // Sinosure corrects the bill; an operator fetches it again: it replaces the stored one.
    const corrected = nock(HOST)
      .get('/v1/premium-bills')
      .query({ policyNo: POLICY, period: '202605' })
      .reply(200, bill('73.50'));
    const post = (key: string) =>
      gw.request('/insurance/premium-bills/fetch', {
        method: 'POST',
        key,
        json: { period: '202605' },
      });
    expect((await post(other)).status).toBe(403);
    expect(await (await post(gw.adminKey)).json()).toEqual([
      { clientId: 'nbhs', policyNo: POLICY, billNo: 'PB-202605-0012', flagged: false },
    ]);
    corrected.done();
    expect(await bills(own)).toMatchObject([
      { flagged: false, reconciliation: { difference: usd('0.00') } },
    ]);

    // Paying it: billed -> paid. A debit of the total that names another bill, and a credit
    // naming this one, pay nothing; the debit that names it pays it.
    const [open] = await bills(own);
    expect(open).toMatchObject({ state: 'BILLED' });
    const debit = (remittanceInfo: string, bankRef: string, creditDebit = 'DEBIT') => ({
      valueDate: '2026-06-12',
      bookingDate: '2026-06-12',
      creditDebit,
      amount: usd('73.50'),
      transactionCode: 'NTRF',
      bankRef,
      remittanceInfo,
    });
    const statement = (statementId: string, entries: unknown[]) =>
      event('settlement.statement.received', 'BankStatement', {
        ...bankStatement,
        statementId,
        entries,
      });
    await publish(
      statement('STMT260611', [
        debit('SINOSURE PREMIUM PB-202605-00120', 'BOC2606110001'),
        debit('PB-202605-0012 REFUND', 'BOC2606110002', 'CREDIT'),
      ]),
    );
    const pay = (key: string, json: unknown) =>
      gw.request('/insurance/premium-bills/PB-202605-0012/payment', { method: 'POST', key, json });
    await untilIdle(gw);
    // Not the bill's total: refused, whoever asks.
    const wrong = { paidAt: '2026-06-12T10:00:00+08:00', amount: usd('75.60'), paymentRef: 'X' };
    expect((await pay(gw.adminKey, wrong)).status).toBe(400);
    expect((await bills(own))[0].state).toBe('BILLED');
    await publish(
      statement('STMT260612', [debit('SINOSURE PREMIUM PB-202605-0012', 'BOC2606120007')]),
    );
    await eventually(async () => (await bills(own))[0]?.state === 'PAID');
    expect((await bills(own))[0]).toMatchObject({
      state: 'PAID',
      paidAt: '2026-06-12T00:00:00+08:00',
      paymentRef: 'BOC2606120007',
      paidBy: 'bank:STMT260612',
    });
    // An operator's entry of the same payment answers the bill; another payment is refused.
    const same = { ...wrong, amount: usd('73.50'), paymentRef: 'BOC2606120007' };
    expect((await pay(gw.adminKey, same)).status).toBe(200);
    expect((await pay(gw.adminKey, { ...same, paymentRef: 'OTHER-1' })).status).toBe(409);
    expect((await pay(await gw.key('operator', 'other'), same)).status).toBe(404);
  });
});
