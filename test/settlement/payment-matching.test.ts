import { createEnvelope, type Envelope } from '../../core/envelope/envelope';
import type { PaymentReceived } from '../../core/model/documents/banking-payment.schema';
import { commercialInvoice } from '../../core/model/documents/__fixtures__/commerce.fixture';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { publishEnvelope } from '../support/publish-envelope';
import { received, startRecordingGateway } from '../support/recording-handler';

// Envelopes as the normalizer publishes them for a bank partner's files, attributed to client nbhs.
function envelope<P>(
  type: string,
  documentType: string,
  payload: P,
  refs: Record<string, string[]>,
): Envelope<P> {
  return createEnvelope({
    type,
    documentType,
    version: '1',
    payload,
    source: {
      partnerId: 'icbc-ningbo',
      connector: 'bank-sftp',
      transport: 'sftp',
      format: 'iso20022',
    },
    refs,
    receivedAt: '2025-05-02T09:00:00+08:00',
    clientId: 'nbhs',
  });
}

const account = { number: '3901120109000012345', currency: 'USD' as const };
const payment = (paymentRef: string, more: Partial<PaymentReceived>): PaymentReceived => ({
  paymentRef,
  valueDate: '2025-05-02',
  amount: { amount: '0', currency: 'USD' },
  account,
  ...more,
});

describe('settlement: payments matched to invoices on the real services', () => {
  let gw: TestGateway;
  const publish = (e: Envelope) => publishEnvelope(gw.pool, e);
  const events = async (type: string) => (await received(gw.pool)).filter((r) => r.type === type);

  beforeAll(async () => {
    gw = await startRecordingGateway();
    await publish(
      envelope('commerce.invoice.issued', 'CommercialInvoice', commercialInvoice, {
        invoiceNo: [commercialInvoice.invoiceNo],
      }),
    );
    await eventually(async () => {
      const res = await gw.request('/settlement/receivables', { key: gw.adminKey });
      return ((await res.json()) as unknown[]).length === 1;
    });
  });
  afterAll(() => stopTestGateway(gw));

  it('matches a credit naming the invoice, charges deducted, once however often it is delivered', async () => {
    const credit = envelope(
      'settlement.payment.received',
      'PaymentReceived',
      payment('ICBC-IN-9911', {
        amount: { amount: '20975.00', currency: 'USD' },
        charges: { amount: '25.00', currency: 'USD' },
        invoiceNos: ['HT25-INV-0088'],
      }),
      { paymentRef: ['ICBC-IN-9911'] },
    );
    await publish(credit);
    await publish(credit); // a redelivery of the same envelope
    const [matched] = await eventually(async () => {
      const list = await events('settlement.payment.matched');
      return list.length > 0 && list;
    });
    expect(matched.body.payload).toMatchObject({
      paymentRef: 'ICBC-IN-9911',
      method: 'REFERENCE',
      allocations: [
        {
          invoiceNo: 'HT25-INV-0088',
          amount: { amount: '21000.00' },
          chargesAbsorbed: { amount: '25.00' },
          settled: true,
        },
      ],
    });
    expect(matched.refs.invoiceNo).toEqual(['HT25-INV-0088']);
    const receivables = (await (
      await gw.request('/settlement/receivables', { key: gw.adminKey })
    ).json()) as Array<{
      status: string;
      openAmount: string;
    }>;
    expect(receivables[0]).toMatchObject({ status: 'PAID', openAmount: '0.00' });
    // The match is on the trade's timeline beside the invoice.
    const trade = (await (
      await gw.request('/trades/HT25-INV-0088', { key: gw.adminKey })
    ).json()) as {
      documents: Array<{ documentType: string }>;
    };
    expect(trade.documents.map((d) => d.documentType)).toEqual(
      expect.arrayContaining(['CommercialInvoice', 'PaymentMatched']),
    );
    const payments = await gw.pool.query('SELECT count(*)::int AS n FROM settlement_payments');
    expect(payments.rows[0].n).toBe(1);
    expect(await events('settlement.payment.matched')).toHaveLength(1);
  });

  it('queues an unmatched payment for operators, client-scoped, and lets an operator allocate it', async () => {
    await publish(
      envelope(
        'commerce.invoice.issued',
        'CommercialInvoice',
        { ...commercialInvoice, invoiceNo: 'HT25-INV-0090' },
        { invoiceNo: ['HT25-INV-0090'] },
      ),
    );
    const stray = envelope(
      'settlement.payment.received',
      'PaymentReceived',
      payment('ICBC-IN-9920', {
        amount: { amount: '5000.00', currency: 'USD' },
        remittanceInfo: 'DEPOSIT',
      }),
      { paymentRef: ['ICBC-IN-9920'] },
    );
    await publish(stray);
    const [unmatched] = await eventually(async () => {
      const list = await events('settlement.payment.unmatched');
      return list.length > 0 && list;
    });
    expect(unmatched.body.payload).toMatchObject({
      reason: 'no reference to an open invoice and no payer name',
    });

    const own = await gw.key('viewer', 'nbhs');
    const other = await gw.key('viewer', 'szyt');
    const queue = async (key: string) =>
      (await (await gw.request('/settlement/payments?status=UNMATCHED', { key })).json()) as Array<{
        id: string;
      }>;
    expect((await queue(own)).map((p) => p.id)).toEqual([stray.id]);
    expect(await queue(other)).toEqual([]);
    expect((await gw.request(`/settlement/payments/${stray.id}`, { key: other })).status).toBe(404);

    const viewer = await gw.key('viewer');
    const allocate = (key: string) =>
      gw.request(`/settlement/payments/${stray.id}/allocations`, {
        method: 'POST',
        key,
        json: { invoiceNos: ['HT25-INV-0090'] },
      });
    expect((await allocate(viewer)).status).toBe(403);
    const done = await allocate(await gw.key('operator'));
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({
      matched: true,
      allocations: [{ amount: { amount: '5000.00' }, settled: false }],
    });
    await eventually(async () => (await events('settlement.payment.matched')).length === 2);
    const detail = (await (
      await gw.request(`/settlement/payments/${stray.id}`, { key: own })
    ).json()) as {
      status: string;
      allocations: Array<{ allocatedBy: string }>;
    };
    expect(detail.status).toBe('MATCHED');
    expect(detail.allocations[0].allocatedBy).toMatch(/^operator:/);
  });

  it('delivers a USD receipt under an open forward and shows the exposure left', async () => {
    const client = await gw.key('viewer', 'nbhs');
    await gw.request('/settlement/fx-rates', {
      method: 'PUT',
      key: await gw.key('operator'),
      json: {
        source: 'test',
        rates: [{ base: 'USD', quote: 'CNY', date: '2025-05-02', rate: '7.10' }],
      },
    });
    const booked = await gw.request('/settlement/fx-forwards', {
      method: 'POST',
      key: client,
      json: {
        dealNo: 'FWD-2025-001',
        direction: 'SELL_FX',
        amount: { amount: '50000.00', currency: 'USD' },
        quoteCurrency: 'CNY',
        rate: '7.15',
        valueDate: '2025-05-01',
      },
    });
    expect(booked.status).toBe(201);
    await publish(
      envelope(
        'settlement.payment.received',
        'PaymentReceived',
        payment('ICBC-IN-9931', { amount: { amount: '20000.00', currency: 'USD' } }),
        { paymentRef: ['ICBC-IN-9931'] },
      ),
    );
    // 20,000 delivered at 7.15 against spot 7.10: a gain of 1,000.00 CNY; 30,000 still open.
    const view = await eventually(async () => {
      const body = (await (
        await gw.request('/settlement/fx-forwards', { key: client })
      ).json()) as {
        forwards: Array<{ drawn: string; gainLoss: string }>;
        exposure: Record<string, { amount: string }>;
      };
      return body.forwards[0]?.drawn === '20000.00' && body;
    });
    expect(view.forwards[0].gainLoss).toBe('1000.00');
    expect(view.exposure.USD.amount).toBe('30000.00');
  });
});
