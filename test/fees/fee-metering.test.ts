import type { Envelope } from '../../core/envelope/envelope';
import Decimal from 'decimal.js';
import { declarationReceipt } from '../../core/model/documents/__fixtures__/customs.fixture';
import {
  financingDecision,
  rebateClaim,
} from '../../core/model/documents/__fixtures__/finance.fixture';
import {
  bookingConfirmation,
  freightInvoice,
} from '../../core/model/documents/__fixtures__/logistics.fixture';
import { paymentReceived } from '../../core/model/documents/__fixtures__/banking.fixture';
import { PartnerRepository } from '../../core/storage/partner.repository';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { clientEnvelope, publishEnvelope } from '../support/publish-envelope';
import { untilIdle } from '../support/idle';

interface Statement {
  lines: Array<{ service: string; ref: string; fee: { amount: string; currency: string } }>;
  totals: Array<{ amount: string; currency: string }>;
  byService: Array<{ service: string; total: { amount: string; currency: string }; count: number }>;
}

describe('fees: metered once from events, a monthly statement that adds up', () => {
  let gw: TestGateway;
  const publish = (e: Envelope) => publishEnvelope(gw.pool, e);
  const event = <P>(type: string, documentType: string, payload: P) =>
    clientEnvelope({ type, documentType, payload }, 'nbhs', '2025-04-19T17:00:00+08:00');
  const meteredCount = async () =>
    (await gw.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM fees_metered')).rows[0].n;

  beforeAll(async () => {
    gw = await startTestGateway();
    for (const id of ['nbhs', 'other']) {
      await new PartnerRepository().upsertClient(gw.pool, { id, name: id, identifiers: [] });
    }
  });
  afterAll(() => stopTestGateway(gw));

  it('meters a cleared order and a drawn loan once under redelivery and replay', async () => {
    const put = await gw.request('/fees/schedules/nbhs', {
      method: 'PUT',
      key: gw.adminKey,
      json: {
        rules: [
          { service: 'CLEARANCE', kind: 'PER_ORDER', fee: { amount: '200.00', currency: 'CNY' } },
          { service: 'FINANCING_COMMISSION', kind: 'PERCENT', percent: '1.5' },
        ],
      },
    });
    expect(put.status).toBe(200);
    const cleared = event(
      'clearance.declaration.receipt',
      'DeclarationReceipt',
      declarationReceipt,
    );
    const drawn = event('financing.request.decided', 'FinancingDecision', {
      ...financingDecision,
      disbursedAmount: { amount: '16800.00', currency: 'USD' },
    });
    await publish(cleared);
    await publish(cleared); // redelivery: the same envelope
    await publish(event('clearance.declaration.receipt', 'DeclarationReceipt', declarationReceipt)); // replay: new id
    await publish(drawn);
    await eventually(async () => (await meteredCount()) === 2);

    const res = await gw.request('/fees/statements/nbhs?month=2025-04', { key: gw.adminKey });
    const statement = (await res.json()) as Statement;
    // 200.00 CNY per order; 16,800.00 x 1.5% = 252.00 USD.
    expect(statement.lines.map((l) => [l.service, l.ref, l.fee.amount, l.fee.currency])).toEqual([
      ['CLEARANCE', '310420250518004217', '200.00', 'CNY'],
      ['FINANCING_COMMISSION', 'FIN-25-0042', '252.00', 'USD'],
    ]);
    // Both ways: the statement's totals, and the metered rows summed in the database.
    const { rows } = await gw.pool.query<{ currency: string; total: string }>(
      "SELECT currency, sum(amount)::text AS total FROM fees_metered WHERE client_id = 'nbhs' AND month = '2025-04' GROUP BY currency ORDER BY currency",
    );
    expect(statement.totals.map((t) => [t.currency, t.amount])).toEqual(
      rows.map((r) => [r.currency, new Decimal(r.total).toFixed(2)]),
    );
    expect(statement.totals).toEqual([
      { amount: '200.00', currency: 'CNY' },
      { amount: '252.00', currency: 'USD' },
    ]);
    // A later redelivery still adds nothing.
    await publish(drawn);
    const csv = await (
      await gw.request('/fees/statements/nbhs/csv?month=2025-04', { key: gw.adminKey })
    ).text();
    expect(csv.trim().split('\n')).toHaveLength(1 + 2 + 2);
    expect(await meteredCount()).toBe(2);
  });

  it('shows a client its own statement only and lets only operators set prices', async () => {
    const own = await gw.key('viewer', 'nbhs');
    const other = await gw.key('viewer', 'other');
    expect((await gw.request('/fees/statements/nbhs?month=2025-04', { key: own })).status).toBe(
      200,
    );
    expect((await gw.request('/fees/statements/nbhs?month=2025-04', { key: other })).status).toBe(
      403,
    );
    const put = await gw.request('/fees/schedules/nbhs', {
      method: 'PUT',
      key: own,
      json: { rules: [] },
    });
    expect(put.status).toBe(403);
  });

  it('meters logistics orders and rebate agency once under redelivery and replay, and the month adds up', async () => {
    const put = await gw.request('/fees/schedules/nbhs', {
      method: 'PUT',
      key: gw.adminKey,
      json: {
        rules: [
          { service: 'LOGISTICS', kind: 'PER_ORDER', fee: { amount: '150.00', currency: 'CNY' } },
          {
            service: 'REBATE_AGENCY',
            kind: 'PER_ORDER',
            fee: { amount: '300.00', currency: 'CNY' },
          },
        ],
      },
    });
    expect(put.status).toBe(200);
    const booked = event('logistics.booking.confirmed', 'BookingConfirmation', {
      ...bookingConfirmation,
      status: 'CONFIRMED',
      confirmedAt: '2025-06-03T10:00:00+08:00',
    });
    const filed = event('rebate.claim.filed', 'RebateClaim', {
      ...rebateClaim,
      filedAt: '2025-06-15T14:00:00+08:00',
    });
    const draft = event('rebate.claim.filed', 'RebateClaim', {
      ...rebateClaim,
      claimNo: 'TS2025060009',
      status: 'DRAFT',
      filedAt: '2025-06-16T14:00:00+08:00',
    });
    for (const e of [booked, booked, filed, draft, filed]) await publish(e);
    // Replays under new envelope ids.
    await publish(event('logistics.booking.confirmed', 'BookingConfirmation', booked.payload));
    await publish(event('rebate.claim.filed', 'RebateClaim', filed.payload));
    const june = async () =>
      (await (
        await gw.request('/fees/statements/nbhs?month=2025-06', { key: gw.adminKey })
      ).json()) as Statement;
    await eventually(async () => (await june()).lines.length === 2);
    // Settle: the broker has delivered every copy; still one fee each, none for the draft.
    await publish(booked);
    const { rows } = await gw.pool.query<{ service: string; n: number; total: string }>(
      "SELECT service, count(*)::int AS n, sum(amount)::text AS total FROM fees_metered WHERE client_id = 'nbhs' AND month = '2025-06' GROUP BY service ORDER BY service",
    );
    const s = await june();
    expect(s.lines.map((l) => [l.service, l.ref, l.fee.amount])).toEqual([
      ['LOGISTICS', bookingConfirmation.bookingNo, '150.00'],
      ['REBATE_AGENCY', rebateClaim.claimNo, '300.00'],
    ]);
    // Both ways: 150.00 + 300.00 = 450.00 from the statement, and from the metered rows.
    expect(s.totals).toEqual([{ amount: '450.00', currency: 'CNY' }]);
    expect(rows.map((r) => [r.service, r.n, new Decimal(r.total).toFixed(2)])).toEqual(
      s.byService.map((b) => [b.service, b.count, b.total.amount]),
    );
  });

  it('meters the freight margin (sold - bought) and the FX margin (rate difference) once under redelivery and replay, and July adds up', async () => {
    const admin = (path: string, method: string, json: unknown) =>
      gw.request(path, { method, key: gw.adminKey, json });
    const put = await admin('/fees/schedules/nbhs', 'PUT', {
      rules: [
        { service: 'FREIGHT_MARGIN', kind: 'MARGIN' },
        { service: 'FX_MARGIN', kind: 'MARGIN' },
      ],
    });
    expect(put.status).toBe(200);
    const july = (type: string, documentType: string, payload: unknown, at: string) =>
      clientEnvelope({ type, documentType, payload }, 'nbhs', at);
    const margins = async (service: string) =>
      (
        await gw.pool.query<{ ref: string; amount: string }>(
          'SELECT ref, amount::text AS amount FROM fees_metered WHERE service = $1 ORDER BY ref',
          [service],
        )
      ).rows.map((r) => [r.ref, new Decimal(r.amount).toFixed(2)]);

    // Bought: the drayage carrier's bill (1,845.00 USD, issued 07-16) for B/L MAEU253419876,
    // delivered twice and replayed; nothing is metered before the sale is known.
    const bill = july(
      'logistics.freight-invoice.received',
      'FreightInvoice',
      freightInvoice,
      '2025-07-16T09:00:00+08:00',
    );
    await publish(bill);
    await publish(bill);
    await publish(
      july(
        'logistics.freight-invoice.received',
        'FreightInvoice',
        freightInvoice,
        '2025-07-16T09:05:00+08:00',
      ),
    );
    await eventually(
      async () => (await gw.pool.query('SELECT 1 FROM fees_freight_bought')).rowCount === 1,
    );
    expect(await margins('FREIGHT_MARGIN')).toEqual([]);
    expect(
      (
        await admin('/settlement/fx-rates', 'PUT', {
          source: 'test',
          rates: [{ base: 'USD', quote: 'CNY', date: '2025-07-15', rate: '7.1000' }],
        })
      ).status,
    ).toBe(200);
    // Sold: 14,000.00 CNY to the client, recorded twice (the same price is no new sale).
    const sale = {
      carrier: 'SWFD',
      blNo: 'MAEU253419876',
      sold: { amount: '14000.00', currency: 'CNY' },
      soldAt: '2025-07-14T10:00:00+08:00',
    };
    expect((await admin('/fees/freight-sales/nbhs', 'PUT', sale)).status).toBe(200);
    expect((await admin('/fees/freight-sales/nbhs', 'PUT', sale)).status).toBe(200);
    // 1,845.00 x 7.1000 = 13,099.50; 14,000.00 - 13,099.50 = 900.50 CNY.
    await eventually(async () => (await margins('FREIGHT_MARGIN')).length === 1);
    // Metered at another price is refused; a bill in EUR with no EUR rate waits, flagged.
    const repriced = { ...sale, sold: { amount: '15000.00', currency: 'CNY' } };
    expect((await admin('/fees/freight-sales/nbhs', 'PUT', repriced)).status).toBe(409);
    const surcharge = {
      ...freightInvoice,
      invoiceNo: 'SWFD-INV-250720-02',
      issueDate: '2025-07-20',
      currency: 'EUR',
      charges: [{ chargeCode: 'DEM', amount: { amount: '100.00', currency: 'EUR' } }],
      totalAmount: { amount: '100.00', currency: 'EUR' },
    };
    const late = july(
      'logistics.freight-invoice.received',
      'FreightInvoice',
      surcharge,
      '2025-07-21T09:00:00+08:00',
    );
    await publish(late);
    const listed = async () =>
      (await (await gw.request('/fees/freight-sales/nbhs', { key: gw.adminKey })).json()) as Array<{
        bought: Array<{ invoiceNo: string; pending: string | null; meteredRef: string | null }>;
      }>;
    await eventually(async () => (await listed())[0]?.bought[1]?.pending);
    expect((await listed())[0].bought[1].pending).toBe('no EUR/CNY rate on or before 2025-07-20');
    // The rate arrives; putting the sale again meters the surcharge: 100.00 x 7.8000 = 780.00 less.
    await admin('/settlement/fx-rates', 'PUT', {
      source: 'test',
      rates: [{ base: 'EUR', quote: 'CNY', date: '2025-07-20', rate: '7.8000' }],
    });
    expect((await admin('/fees/freight-sales/nbhs', 'PUT', sale)).status).toBe(200);
    await eventually(async () => (await margins('FREIGHT_MARGIN')).length === 2);
    await publish(late); // redelivered after it was counted: nothing more

    // FX: a forward the platform booked for the client at 7.0800 against the bank's 7.1000;
    // the buyer's 21,000.00 USD (twice delivered) is delivered under it: 0.0200 x 21,000.00.
    const fwd = await admin('/settlement/fx-forwards', 'POST', {
      clientId: 'nbhs',
      dealNo: 'FWD-2507-01',
      direction: 'SELL_FX',
      amount: { amount: '21000.00', currency: 'USD' },
      quoteCurrency: 'CNY',
      rate: '7.1000',
      clientRate: '7.0800',
      valueDate: '2025-07-01',
    });
    expect(fwd.status).toBe(201);
    const pay = (ref: string, amount: string) =>
      july(
        'settlement.payment.received',
        'PaymentReceived',
        {
          ...paymentReceived,
          paymentRef: ref,
          valueDate: '2025-07-22',
          receivedAt: '2025-07-22T10:00:00+08:00',
          amount: { amount, currency: 'USD' },
        },
        '2025-07-22T10:00:00+08:00',
      );
    const paid = pay('BOC2507220001', '21000.00');
    await publish(paid);
    await publish(paid);
    await eventually(async () => (await margins('FX_MARGIN')).length === 1);
    // 结汇 of a second receipt at the bank's 7.1100, the client credited 7.0950: 0.0150 x 5,000.00.
    const second = pay('BOC2507220002', '5000.00');
    await publish(second);
    await eventually(
      async () =>
        (await gw.pool.query('SELECT 1 FROM settlement_payments WHERE id = $1', [second.id]))
          .rowCount === 1,
    );
    const fxs = await admin('/settlement/fx-settlements', 'POST', {
      paymentId: second.id,
      bankRate: '7.1100',
      referenceRate: '7.1200',
      clientRate: '7.0950',
      settledAt: '2025-07-23T10:00:00+08:00',
    });
    expect(fxs.status).toBe(201);
    await eventually(async () => (await margins('FX_MARGIN')).length === 2);
    // The same 结汇 entered again, and the payment redelivered: still one margin each.
    const again = await admin('/settlement/fx-settlements', 'POST', {
      paymentId: second.id,
      bankRate: '7.1100',
      referenceRate: '7.1200',
      clientRate: '7.0950',
      settledAt: '2025-07-23T10:00:00+08:00',
    });
    expect(again.status).toBe(201);
    await publish(paid);
    await untilIdle(gw);

    expect(await margins('FREIGHT_MARGIN')).toEqual([
      ['BL:SWFD:MAEU253419876', '900.50'],
      ['BL:SWFD:MAEU253419876+SWFD-INV-250720-02', '-780.00'],
    ]);
    expect(await margins('FX_MARGIN')).toEqual(
      [
        ['FWD-2507-01/BOC2507220001', '420.00'],
        ['fx-settlement/BOC2507220002', '75.00'],
      ].sort(),
    );
    // Both ways: 900.50 - 780.00 + 420.00 + 75.00 = 615.50 CNY from the statement, and the
    // metered rows summed per service in the database.
    const s = (await (
      await gw.request('/fees/statements/nbhs?month=2025-07', { key: gw.adminKey })
    ).json()) as Statement;
    expect(s.totals).toEqual([{ amount: '615.50', currency: 'CNY' }]);
    const { rows } = await gw.pool.query<{ service: string; n: number; total: string }>(
      "SELECT service, count(*)::int AS n, sum(amount)::text AS total FROM fees_metered WHERE client_id = 'nbhs' AND month = '2025-07' GROUP BY service ORDER BY service",
    );
    expect(rows.map((r) => [r.service, r.n, new Decimal(r.total).toFixed(2)])).toEqual(
      s.byService.map((b) => [b.service, b.count, b.total.amount]),
    );
    expect(s.byService.map((b) => [b.service, b.total.amount])).toEqual([
      ['FREIGHT_MARGIN', '120.50'],
      ['FX_MARGIN', '495.00'],
    ]);
  });
});
