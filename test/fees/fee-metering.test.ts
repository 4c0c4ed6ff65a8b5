import type { Envelope } from '../../core/envelope/envelope';
import Decimal from 'decimal.js';
import { declarationReceipt } from '../../core/model/documents/__fixtures__/customs.fixture';
import {
  financingDecision,
  rebateClaim,
} from '../../core/model/documents/__fixtures__/finance.fixture';
import { bookingConfirmation } from '../../core/model/documents/__fixtures__/logistics.fixture';
import { PartnerRepository } from '../../core/storage/partner.repository';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { clientEnvelope, publishEnvelope } from '../support/publish-envelope';

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
});
