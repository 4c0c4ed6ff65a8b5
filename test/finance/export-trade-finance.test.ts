import type { Envelope } from '../../core/envelope/envelope';
import nock from 'nock';
import { commercialInvoice } from '../../core/model/documents/__fixtures__/commerce.fixture';
import {
  declarationReceipt,
  exportDeclaration,
} from '../../core/model/documents/__fixtures__/customs.fixture';
import {
  financingDecision,
  insurancePolicy,
} from '../../core/model/documents/__fixtures__/finance.fixture';
import {
  billOfLading,
  freightInvoice,
} from '../../core/model/documents/__fixtures__/logistics.fixture';
import { bankStatement } from '../../core/model/documents/__fixtures__/banking.fixture';
import Decimal from 'decimal.js';
import { PartnerRepository } from '../../core/storage/partner.repository';
import { PollRuntime } from '../../gateway/connectors/poll.runtime';
import { BankSimulator } from '../support/bank-simulator';
import { filesIn } from '../support/carrier-sftp';
import { SftpTestServer } from '../support/sftp-server';
import { useNockForPartners } from '../connectors/http-connector-support';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { clientEnvelope, publishEnvelope } from '../support/publish-envelope';
import { insuranceTimeAt, upsertSinosure } from '../insurance/sinosure-support';

const HOST = 'https://sinosure-it.example';
const INVOICE = commercialInvoice.invoiceNo;
const NBHS_ACCOUNT = '3901120109000012345';

describe('export trade finance end to end on the real services', () => {
  let gw: TestGateway;
  let sftp: SftpTestServer;
  useNockForPartners();
  // The trade's own timeline: the insurance run works by this clock, everything else by the wall.
  const at = (iso: string) => insuranceTimeAt(gw, iso);
  const publish = (e: Envelope) => publishEnvelope(gw.pool, e);
  const event = <P>(
    type: string,
    documentType: string,
    payload: P,
    refs: Record<string, string[]>,
  ) => clientEnvelope({ type, documentType, payload, refs }, 'nbhs', '2026-04-30T18:00:00+08:00');

  beforeAll(async () => {
    sftp = await SftpTestServer.start();
    // The scheduled insurance run ticks every 200 ms here (INSURANCE_RUN_MS).
    gw = await startTestGateway({ env: { INSURANCE_RUN_MS: '200' } });
    at('2026-04-30T18:00:00+08:00');
    await new PartnerRepository().upsertClient(gw.pool, {
      id: 'nbhs',
      name: 'nbhs',
      identifiers: [],
    });
    await upsertSinosure(gw, HOST, 'k-it');
    // The exporter's host-to-host channel at its bank: camt.054 credit notifications come in.
    await gw.partners.upsert({
      id: 'bank-nbhs',
      name: 'Bank channel nbhs',
      kind: 'bank',
      connector: 'bank-sftp',
      clientId: 'nbhs',
      formats: [{ format: 'iso20022', messageType: 'camt.054', direction: 'in' }],
      transports: [
        {
          ...sftp.settings('bank-nbhs', {
            completeness: 'xml-wellformed',
            pollIntervalSec: 1_000_000,
          }),
          kind: 'sftp',
          direction: 'in',
        },
      ],
    });
    await gw.app.get(PollRuntime).resync();
    // The factory's invoicing system posts its VAT invoices (VAT invoice JSON).
    await gw.partners.upsert({
      id: 'factory-erp',
      name: 'Factory invoicing',
      kind: 'generic',
      connector: 'http-generic',
      clientId: 'nbhs',
      transports: [{ kind: 'http-inbound', unsigned: true }],
    });
  });
  afterAll(async () => {
    await stopTestGateway(gw);
    await sftp?.close();
  });

  it('on board -> Sinosure declaration before its deadline (scheduled run) -> premium billed and paid -> loan drawn -> buyer pays -> loan repaid, commission and margins metered, rebate ready', async () => {
    const json = (path: string, body: unknown) =>
      gw.request(path, { method: 'PUT', key: gw.adminKey, json: body });
    const policy = { ...insurancePolicy, periodStart: '2026-01-01', periodEnd: '2026-12-31' };
    expect((await json('/insurance/policies', { clientId: 'nbhs', policy })).status).toBe(200);
    const limit = {
      clientId: 'nbhs',
      buyerName: commercialInvoice.buyer.name,
      policyNo: policy.policyNo,
      buyerCode: 'USA/123456',
      status: 'APPROVED',
      approved: '50000.00',
      currency: 'USD',
    };
    expect((await json('/insurance/limits', limit)).status).toBe(200);
    const invoice = {
      ...commercialInvoice,
      paymentTerms: { method: 'OA' as const, creditDays: 90 },
    };
    await publish(
      event('commerce.invoice.issued', 'CommercialInvoice', invoice, { invoiceNo: [INVOICE] }),
    );
    await eventually(
      async () => (await gw.pool.query('SELECT 1 FROM insurance_invoices')).rowCount === 1,
    );

    // Customs: the declaration filed, then closed (结关), for the rebate.
    const entryId = exportDeclaration.entryId!;
    await publish(
      event(
        'clearance.export-declaration.filed',
        'ExportDeclaration',
        { ...exportDeclaration, exportDate: '2026-04-30' },
        { declarationNo: [entryId] },
      ),
    );
    await eventually(
      async () => (await gw.pool.query('SELECT 1 FROM rebate_declarations')).rowCount === 1,
    );
    const closed = {
      ...declarationReceipt,
      outcome: 'CLOSED' as const,
      returnStatusMeaning: 'closed',
      returnTime: '2026-05-06T10:00:00.000+08:00',
    };
    await publish(
      event('clearance.declaration.receipt', 'DeclarationReceipt', closed, {
        declarationNo: [entryId],
      }),
    );

    const scope = nock(HOST, { reqheaders: { 'x-api-key': 'k-it' } })
      .post(
        '/v1/shipment-declarations',
        (b: Record<string, unknown>) =>
          b.invoiceNo === INVOICE &&
          b.shipmentDate === '2026-04-30' &&
          b.dueDate === '2026-07-29' &&
          b.buyerCode === 'USA/123456',
      )
      .reply(201, {
        declarationRef: 'SD-2026-04-0088',
        premiumRatePercent: '0.35',
        premium: { amount: '73.50', currency: 'USD' },
        acceptedAt: '2026-05-06T09:00:00+08:00',
      });
    const bl = { ...billOfLading, shippedOnBoardDate: '2026-04-30', invoiceNos: [INVOICE] };
    // The B/L is issued on board; the declaration falls due and the scheduled run sends it on
    // the trade's 6 May, before its deadline.
    at('2026-05-06T09:00:00+08:00');
    await publish(
      event('logistics.bill-of-lading.issued', 'BillOfLading', bl, {
        blNo: [bl.blNo],
        invoiceNo: [INVOICE],
      }),
    );

    const [row] = await eventually(async () => {
      const res = await gw.request('/insurance/declarations', { key: gw.adminKey });
      const list = (await res.json()) as Array<Record<string, unknown>>;
      return list[0]?.declarationRef ? list : undefined;
    });
    scope.done();
    // On board Thu 04-30; Labour Day 05-01..05; Wed 6, Thu 7, Fri 8, Sat 9 (调休), Mon 11.
    // Premium 21,000.00 x 0.35% (US, OA up to 90 days) = 73.50.
    expect(row).toMatchObject({
      invoiceNo: INVOICE,
      deadline: '2026-05-11',
      declarationRef: 'SD-2026-04-0088',
      sentAt: '2026-05-06T01:00:00.000Z',
      onTime: true,
      declaration: { premium: { amount: '73.50', currency: 'USD' }, premiumRatePercent: '0.35' },
    });
    const used = await gw.pool.query<{ used: string }>(
      'SELECT used::text AS used FROM insurance_limits',
    );
    expect(used.rows[0].used).toBe('21000.00');
    // Financing drawn against the insured invoice, its commission metered by the fees domain;
    // the platform also earns its margins on the freight and on the FX it sells for the client.
    await json('/fees/schedules/nbhs', {
      rules: [
        { service: 'FINANCING_COMMISSION', kind: 'PERCENT', percent: '1.5' },
        { service: 'FREIGHT_MARGIN', kind: 'MARGIN' },
        { service: 'FX_MARGIN', kind: 'MARGIN' },
      ],
    });
    await json('/settlement/fx-rates', {
      source: 'SAFE central parity',
      rates: [{ base: 'USD', quote: 'CNY', date: '2026-05-07', rate: '7.1000' }],
    });
    // Freight sold to the client for the B/L at 14,000.00 CNY; Maersk bills 1,845.00 USD.
    const sold = await json('/fees/freight-sales/nbhs', {
      carrier: 'MAEU',
      blNo: bl.blNo,
      sold: { amount: '14000.00', currency: 'CNY' },
      soldAt: '2026-05-06T11:00:00+08:00',
    });
    expect(sold.status).toBe(200);
    const freightBill = {
      ...freightInvoice,
      invoiceNo: 'MAEU-FI-2605-0107',
      issueDate: '2026-05-08',
      carrier: billOfLading.carrier,
      carrierCode: 'MAEU',
      blNo: bl.blNo,
    };
    await publish(
      clientEnvelope(
        {
          type: 'logistics.freight-invoice.received',
          documentType: 'FreightInvoice',
          payload: freightBill,
          refs: { blNo: [bl.blNo] },
        },
        'nbhs',
        '2026-05-08T09:00:00+08:00',
      ),
    );
    // The platform books the client's forward at 7.0800 against the bank's 7.1000.
    const forward = await gw.request('/settlement/fx-forwards', {
      method: 'POST',
      key: gw.adminKey,
      json: {
        clientId: 'nbhs',
        dealNo: 'FWD-NBHS-2608',
        direction: 'SELL_FX',
        amount: { amount: '21000.00', currency: 'USD' },
        quoteCurrency: 'CNY',
        rate: '7.1000',
        clientRate: '7.0800',
        valueDate: '2026-08-01',
      },
    });
    expect(forward.status).toBe(201);
    const decision = {
      ...financingDecision,
      decidedAt: '2026-05-06T15:00:00+08:00',
      disbursedAmount: { amount: '16800.00', currency: 'USD' },
      underlying: { invoiceNos: [INVOICE], policyNo: policy.policyNo },
    };
    await publish(
      event('financing.request.decided', 'FinancingDecision', decision, { invoiceNo: [INVOICE] }),
    );
    const loans = async () =>
      (await (await gw.request('/financing/loans', { key: gw.adminKey })).json()) as Array<{
        status: string;
      }>;
    await eventually(async () => (await loans()).length === 1);
    // Sinosure's May premium bill: the scheduled run fetches it from 5 June; the platform's
    // bank statement then shows the debit that pays it (billed -> paid).
    const premiumBill = nock(HOST)
      .get('/v1/premium-bills')
      .query({ policyNo: policy.policyNo, period: '202605' })
      .reply(200, {
        billNo: 'PB-202605-0088',
        policyNo: policy.policyNo,
        period: '202605',
        lines: [
          {
            declarationRef: 'SD-2026-04-0088',
            invoiceNo: INVOICE,
            premium: { amount: '73.50', currency: 'USD' },
          },
        ],
        total: { amount: '73.50', currency: 'USD' },
        dueDate: '2026-06-15',
      });
    at('2026-06-05T09:00:00+08:00');
    const premiumBills = async () =>
      (await (await gw.request('/insurance/premium-bills', { key: gw.adminKey })).json()) as Array<{
        billNo: string;
        flagged: boolean;
        state: string;
      }>;
    await eventually(async () => (await premiumBills()).length === 1);
    premiumBill.done();
    expect(await premiumBills()).toMatchObject([
      { billNo: 'PB-202605-0088', flagged: false, state: 'BILLED' },
    ]);
    await publish(
      event(
        'settlement.statement.received',
        'BankStatement',
        {
          ...bankStatement,
          statementId: 'STMT260612',
          entries: [
            {
              valueDate: '2026-06-12',
              creditDebit: 'DEBIT',
              amount: { amount: '73.50', currency: 'USD' },
              bankRef: 'BOC2606120031',
              remittanceInfo: 'SINOSURE PREMIUM PB-202605-0088',
            },
          ],
        },
        {},
      ),
    );
    await eventually(async () => (await premiumBills())[0]?.state === 'PAID');
    // Unpaid past due (07-29): 22 days is within the threshold, 31 days past due the scheduled
    // run files the possible-loss notice by itself, once.
    at('2026-08-20T09:00:00+08:00');
    const run = async () =>
      (await (
        await gw.request('/insurance/runs', { method: 'POST', key: gw.adminKey })
      ).json()) as { reported: string[] };
    expect((await run()).reported).toEqual([]);
    const notice = nock(HOST)
      .post(
        '/v1/possible-loss-notices',
        (b: Record<string, unknown>) => b.overdueDays === 31 && b.buyerCode === 'USA/123456',
      )
      .reply(201, { noticeNo: 'PL-2026-0011', receivedAt: '2026-08-29T09:00:00+08:00' });
    at('2026-08-29T09:00:00+08:00');
    await eventually(async () => {
      const res = await gw.request('/insurance/declarations', { key: gw.adminKey });
      return ((await res.json()) as Array<{ lossNoticeNo?: string }>)[0]?.lossNoticeNo;
    });
    notice.done();
    expect((await run()).reported).toEqual([]);
    await eventually(async () => {
      const res = await gw.request('/settlement/receivables', { key: gw.adminKey });
      return ((await res.json()) as unknown[]).length === 1;
    });
    // The buyer pays the invoice in full, late: the bank's camt.054 arrives over SFTP,
    // settlement matches it, the loan is repaid, the limit freed.
    const folders = sftp.folders('bank-nbhs');
    await new BankSimulator([{ folders, accounts: [NBHS_ACCOUNT] }]).credit(NBHS_ACCOUNT, {
      endToEndId: 'BUYER-PAY-0831',
      amount: { amount: '21000.00', currency: 'USD' },
      debtor: commercialInvoice.buyer.name,
      remittanceInfo: `INVOICE ${INVOICE}`,
      valueDate: '2026-08-31',
    });
    await gw.app.get(PollRuntime).pollNow('bank-nbhs');
    await eventually(async () => (await loans())[0]?.status === 'REPAID');
    await eventually(
      async () =>
        (await gw.pool.query<{ used: string }>('SELECT used::text AS used FROM insurance_limits'))
          .rows[0]?.used === '0.00',
    );
    const fee = await gw.pool.query<{ amount: string }>(
      "SELECT amount::text AS amount FROM fees_metered WHERE service = 'FINANCING_COMMISSION'",
    );
    // 16,800.00 x 1.5% = 252.00.
    expect(fee.rows.map((r) => r.amount)).toEqual(['252.00']);
    // Freight: 14,000.00 - 1,845.00 x 7.1000 (13,099.50) = 900.50 CNY, in May (the bill);
    // FX: the buyer's 21,000.00 USD delivered under the forward on 08-31: (7.1000 - 7.0800) x
    // 21,000.00 = 420.00 CNY, in August. Each month's statement adds up both ways.
    const statement = async (month: string) =>
      (await (
        await gw.request(`/fees/statements/nbhs?month=${month}`, { key: gw.adminKey })
      ).json()) as {
        lines: Array<{ service: string; fee: { amount: string; currency: string } }>;
        totals: Array<{ amount: string; currency: string }>;
      };
    await eventually(async () => (await statement('2026-08')).lines.length === 1);
    const expected: Record<string, Array<[string, string, string]>> = {
      '2026-05': [
        ['FINANCING_COMMISSION', '252.00', 'USD'],
        ['FREIGHT_MARGIN', '900.50', 'CNY'],
      ],
      '2026-08': [['FX_MARGIN', '420.00', 'CNY']],
    };
    for (const [month, lines] of Object.entries(expected)) {
      const s = await statement(month);
      expect(s.lines.map((l) => [l.service, l.fee.amount, l.fee.currency])).toEqual(lines);
      const { rows } = await gw.pool.query<{ currency: string; total: string }>(
        `SELECT currency, sum(amount)::text AS total FROM fees_metered
          WHERE client_id = 'nbhs' AND month = $1 GROUP BY currency ORDER BY currency`,
        [month],
      );
      expect(s.totals.map((t) => [t.currency, t.amount]).sort()).toEqual(
        rows.map((r) => [r.currency, new Decimal(r.total).toFixed(2)]),
      );
    }
    // Released, closed and FX collected: what is missing is the VAT invoice and the filing.
    await eventually(async () => {
      const res = await gw.request('/rebate/declarations', { key: gw.adminKey });
      const [d] = (await res.json()) as Array<{ missing: string[] }>;
      return d?.missing.join() === 'VAT_INVOICE_MATCHED,DOCUMENTS_FILED';
    });
    // Rebate: the factory's VAT invoice comes in through intake (VAT invoice JSON over the
    // http-generic connector), its two lines are assigned to the declaration's line and
    // matched: (80,000.00 + 16,000.00) x 13% = 12,480.00; then documents filed: ready.
    const vatJson = {
      vatInvoiceNo: '26332000000044556677',
      issueDate: '2026-04-20',
      seller: { name: '慈溪市远东电器厂', uscc: '91110108MA01KPGK0L' },
      buyer: { name: 'Ningbo Haishu Import and Export Co Ltd', uscc: '91350100M000100Y43' },
      items: [
        {
          description: '*家用电器*电热水壶',
          unit: '个',
          quantity: '2000',
          amount: '80000.00',
          taxRate: '13',
          tax: '10400.00',
        },
        {
          description: '*家用电器*电热水壶',
          unit: '个',
          quantity: '400',
          amount: '16000.00',
          taxRate: '13',
          tax: '2080.00',
        },
      ],
      totalAmount: '96000.00',
      totalTax: '12480.00',
      totalWithTax: '108480.00',
    };
    expect(
      (await gw.request('/inbound/factory-erp', { method: 'POST', json: vatJson })).status,
    ).toBe(202);
    await eventually(async () => {
      const res = await gw.request('/rebate/vat-invoices', { key: gw.adminKey });
      return ((await res.json()) as unknown[]).length === 1;
    });
    const assign = (lineNo: number, quantity: string) => ({
      invoiceNo: vatJson.vatInvoiceNo,
      lineNo,
      hsCode: '8516719000',
      quantity,
      unit: '007',
    });
    const matched = (await (
      await gw.request(`/rebate/declarations/${entryId}/vat-invoice-assignments`, {
        method: 'POST',
        key: gw.adminKey,
        json: { clientId: 'nbhs', lines: [assign(1, '2000'), assign(2, '400')] },
      })
    ).json()) as { rebate: Array<{ refund: { amount: string } }> };
    expect(matched.rebate.map((r) => r.refund.amount)).toEqual(['12480.00']);
    const filed = await gw.request(`/rebate/declarations/${entryId}/documents-filed`, {
      method: 'POST',
      key: gw.adminKey,
      json: { clientId: 'nbhs' },
    });
    expect(await filed.json()).toMatchObject({
      declarationNo: entryId,
      ready: true,
      missing: [],
      deadline: '2027-04-30',
    });
    const trade = (await (await gw.request(`/trades/${INVOICE}`, { key: gw.adminKey })).json()) as {
      documents: Array<{ documentType: string }>;
    };
    expect(trade.documents.map((d) => d.documentType)).toEqual(
      expect.arrayContaining([
        'CommercialInvoice',
        'BillOfLading',
        'InsuranceShipmentDeclaration',
        'FinancingDecision',
        'PaymentMatched',
        'LoanRepaid',
      ]),
    );
    expect(filesIn(folders.errorDir)).toEqual([]);
  });
});
