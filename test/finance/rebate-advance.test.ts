import type { Envelope } from '../../core/envelope/envelope';
import { paymentReceived } from '../../core/model/documents/__fixtures__/banking.fixture';
import { commercialInvoice } from '../../core/model/documents/__fixtures__/commerce.fixture';
import {
  declarationReceipt,
  exportDeclaration,
} from '../../core/model/documents/__fixtures__/customs.fixture';
import { PartnerRepository } from '../../core/storage/partner.repository';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { untilIdle } from '../support/idle';
import { clientEnvelope, publishEnvelope } from '../support/publish-envelope';

const ENTRY = exportDeclaration.entryId!;
const CLAIM = `RB-${ENTRY}`;

interface Loan {
  financingNo: string;
  status: string;
  amount: string;
  outstanding: string | null;
  rebateClaimNo: string | null;
}

describe('advance rebate payment: claim ready -> advance drawn -> refund recorded -> advance repaid', () => {
  let gw: TestGateway;
  const publish = (e: Envelope) => publishEnvelope(gw.pool, e);
  const event = <P>(type: string, documentType: string, payload: P) =>
    clientEnvelope({ type, documentType, payload }, 'nbhs', '2026-04-30T18:00:00+08:00');
  const post = (path: string, key: string, json: unknown) =>
    gw.request(path, { method: 'POST', key, json });
  const loans = async () =>
    (await (await gw.request('/financing/loans', { key: gw.adminKey })).json()) as Loan[];
  const count = async (sql: string) => (await gw.pool.query<{ n: number }>(sql)).rows[0].n;

  beforeAll(async () => {
    gw = await startTestGateway();
    for (const id of ['nbhs', 'other'])
      await new PartnerRepository().upsertClient(gw.pool, { id, name: id, identifiers: [] });
  });
  afterAll(() => stopTestGateway(gw));

  /** Filed, closed, FX collected (the buyer's payment matched): VAT invoice and filing missing. */
  async function declarationAwaitingVatAndFiling() {
    await publish(event('commerce.invoice.issued', 'CommercialInvoice', commercialInvoice));
    await publish(
      event('clearance.export-declaration.filed', 'ExportDeclaration', {
        ...exportDeclaration,
        exportDate: '2026-04-30',
      }),
    );
    await eventually(
      async () => (await gw.pool.query('SELECT 1 FROM rebate_declarations')).rowCount === 1,
    );
    await publish(
      event('clearance.declaration.receipt', 'DeclarationReceipt', {
        ...declarationReceipt,
        outcome: 'CLOSED' as const,
        returnTime: '2026-05-06T10:00:00.000+08:00',
      }),
    );
    await eventually(
      async () => (await gw.pool.query('SELECT 1 FROM settlement_receivables')).rowCount === 1,
    );
    const { charges: _charges, ...paid } = paymentReceived;
    await publish(
      event('settlement.payment.received', 'PaymentReceived', {
        ...paid,
        amount: { amount: '21000.00', currency: 'USD' },
      }),
    );
    await eventually(async () => {
      const res = await gw.request('/rebate/declarations', { key: gw.adminKey });
      const [d] = (await res.json()) as Array<{ missing: string[] }>;
      return d?.missing.join() === 'VAT_INVOICE_MATCHED,DOCUMENTS_FILED';
    });
  }

  it('draws 80% of the expected refund, meters the commission once, repays partly from a short refund delivered twice', async () => {
    const own = await gw.key('operator', 'nbhs');
    const other = await gw.key('operator', 'other');
    const put = await gw.request('/fees/schedules/nbhs', {
      method: 'PUT',
      key: gw.adminKey,
      json: { rules: [{ service: 'FINANCING_COMMISSION', kind: 'PERCENT', percent: '1.5' }] },
    });
    expect(put.status).toBe(200);
    await declarationAwaitingVatAndFiling();

    // Not ready yet: refused with the reason, nothing drawn.
    const early = await post('/financing/rebate-advances', own, { claimNo: CLAIM });
    expect(early.status).toBe(200);
    expect(await early.json()).toMatchObject({
      decision: 'REJECTED',
      eligible: false,
      reasons: [{ code: 'CLAIM_NOT_READY' }],
    });

    // VAT invoice line matched: 96,000.00 x 13% = 12,480.00 expected; documents filed: ready.
    const vat = await post(`/rebate/declarations/${ENTRY}/vat-invoices`, own, {
      lines: [
        {
          invoiceNo: '26332000000044556677',
          lineNo: 1,
          hsCode: '8516719000',
          productName: '电热水壶',
          quantity: '2400',
          unit: '007',
          amount: { amount: '96000.00', currency: 'CNY' },
        },
      ],
    });
    expect(vat.status).toBe(201);
    await post(`/rebate/declarations/${ENTRY}/documents-filed`, own, {});
    // Filing again changes nothing: the claim is announced ready once.
    await post(`/rebate/declarations/${ENTRY}/documents-filed`, own, {});
    const claims = (await (await gw.request('/rebate/claims', { key: own })).json()) as Array<{
      claimNo: string;
      expectedRefund: { amount: string };
    }>;
    expect(claims).toMatchObject([
      { claimNo: CLAIM, expectedRefund: { amount: '12480.00', currency: 'CNY' } },
    ]);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM documents WHERE event_type = 'rebate.claim.ready'",
      ),
    ).toBe(1);

    // Another client's claim is absent to it.
    expect((await post('/financing/rebate-advances', other, { claimNo: CLAIM })).status).toBe(404);

    // 12,480.00 x 80% = 9,984.00 advanced; fee 1% (LOW risk, 60 days) = 99.84.
    const drawn = await post('/financing/rebate-advances', own, { claimNo: CLAIM });
    expect(await drawn.json()).toMatchObject({
      financingNo: `RA-${CLAIM}`,
      decision: 'APPROVED',
      eligible: true,
      disbursedAmount: { amount: '9984.00', currency: 'CNY' },
      advanceRatePercent: '80',
      feePercent: '1',
      fee: { amount: '99.84', currency: 'CNY' },
    });
    const again = await post('/financing/rebate-advances', own, { claimNo: CLAIM });
    expect(await again.json()).toMatchObject({
      decision: 'REJECTED',
      reasons: [{ code: 'ALREADY_ADVANCED' }],
    });
    // The commission, metered by fees from the decision: 9,984.00 x 1.5% = 149.76.
    await eventually(
      async () =>
        (
          await gw.pool.query<{ amount: string }>(
            "SELECT amount::text AS amount FROM fees_metered WHERE service = 'FINANCING_COMMISSION'",
          )
        ).rows[0]?.amount === '149.76',
    );

    // The bureau refunds 9,000.00 only: 984.00 of the advance stays outstanding.
    const refund = await post(`/rebate/claims/${CLAIM}/refund`, own, {
      refundAmount: { amount: '9000.00', currency: 'CNY' },
      refundDate: '2026-06-10',
      reference: 'STA-2026-0610-77',
    });
    expect(refund.status).toBe(201);
    const repaid = (l: Loan[]) => l.find((x) => x.rebateClaimNo === CLAIM);
    await eventually(async () => repaid(await loans())?.status === 'PARTIALLY_REPAID');
    expect(repaid(await loans())).toMatchObject({ amount: '9984.00', outstanding: '984.00' });

    // The refund event delivered again (the same envelope): nothing repaid or metered twice.
    const { rows } = await gw.pool.query<{ envelope: Envelope }>(
      "SELECT envelope FROM documents WHERE event_type = 'rebate.refund.received'",
    );
    expect(rows).toHaveLength(1);
    await publish(rows[0].envelope);
    // And replayed (a file import run again): the same refund under a new envelope id, which
    // the consumer's per-envelope dedupe lets through to the financing handler.
    await publish(event('rebate.refund.received', 'RebateRefund', rows[0].envelope.payload));
    // A second entry of the refund is refused.
    const twice = await post(`/rebate/claims/${CLAIM}/refund`, own, {
      refundAmount: { amount: '9000.00', currency: 'CNY' },
      refundDate: '2026-06-10',
    });
    expect(twice.status).toBe(409);
    // Every queue drained and the outbox published: nothing more is on its way.
    await untilIdle(gw);
    expect(repaid(await loans())).toMatchObject({
      status: 'PARTIALLY_REPAID',
      outstanding: '984.00',
    });
    expect(
      await count(
        "SELECT count(*)::int AS n FROM documents WHERE event_type = 'financing.loan.repaid'",
      ),
    ).toBe(1);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM fees_metered WHERE service = 'FINANCING_COMMISSION'",
      ),
    ).toBe(1);

    // All on the trade's timeline, found by the declaration number.
    const trade = (await (await gw.request(`/trades/${ENTRY}`, { key: gw.adminKey })).json()) as {
      documents: Array<{ documentType: string }>;
    };
    expect(trade.documents.map((d) => d.documentType)).toEqual(
      expect.arrayContaining(['RebateClaimReady', 'FinancingDecision', 'RebateRefund']),
    );
    const byClaim = (await (await gw.request(`/trades/${CLAIM}`, { key: gw.adminKey })).json()) as {
      documents: Array<{ documentType: string }>;
    };
    expect(byClaim.documents.map((d) => d.documentType)).toEqual(
      expect.arrayContaining([
        'RebateClaimReady',
        'FinancingDecision',
        'RebateRefund',
        'LoanRepaid',
      ]),
    );
  });
});
