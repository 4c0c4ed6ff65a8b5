import { insurancePolicy } from '../../core/model/documents/__fixtures__/finance.fixture';
import { PartnerRepository } from '../../core/storage/partner.repository';
import { genericPartner, orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { bookingRequest, carrierPartner } from '../logistics/logistics-fixtures';
import { routesOf, type Route } from './route-table';

/**
 * Issue 16, security suite: cross-client access on every endpoint, generated from the route
 * table. Every route the app registers must be classified below; a new one fails the suite until
 * someone says who may call it and what a client key may see through it.
 *
 * - `public`: no API key (partner entry points, probes, the console's static files).
 * - Every other route answers 401 without a key, and 403 to a staff viewer key when it changes
 *   something (unless `computes`: it only computes from the body).
 * - `cross` says what client A's key gets when it aims at client B:
 *   `list`      200, and nothing of B in it;
 *   `resource`  B's resource by its path parameters: 403 or 404, nothing of B;
 *   `act-for-b` acting for B (clientId B in path or body): 403 or 404;
 *   `staff`     client keys are refused (403) whatever they ask;
 *   `no-data`   computes from the body or serves the caller's own data only: nothing of B.
 */
type Cross = 'list' | 'resource' | 'act-for-b' | 'staff' | 'no-data';
type Rule =
  | { public: string }
  | {
      cross: Cross;
      computes?: true;
      /** What a staff viewer gets when the route looks the resource up (or validates) first. */
      viewerGets?: number;
      query?: string;
      body?: Record<string, unknown>;
    };

const B = 'szyt';
const B_ORDER = 'SO-SZYT-0001';
const B_BOOKING = 'BR-SZYT-0001';
const B_SKU = 'SKU-SZYT-0001';
const B_DEAL = 'FWD-SZYT-0001';
// Nothing of client B may appear in an answer to client A: its id or any of its references.
const B_MARKERS = [B, B_ORDER, B_BOOKING, B_SKU, B_DEAL];

const forB = { clientId: B };

const RULES: Record<string, Rule> = {
  'GET /health': { public: 'probe' },
  'GET /health/live': { public: 'probe' },
  'GET /health/ready': { public: 'probe' },
  'GET /metrics': { public: 'Prometheus scrape (no client data)' },
  'GET /console': { public: 'static console page' },
  'GET /console/*': { public: 'static console assets' },
  'POST /inbound/:partnerId': { public: 'partner entry point, authenticated per partner' },

  'GET /admin/api-keys': { cross: 'staff' },
  'POST /admin/api-keys': { cross: 'staff', body: { name: 'x', role: 'viewer', clientId: B } },
  'DELETE /admin/api-keys/:id': { cross: 'staff' },
  'GET /audit': { cross: 'staff' },
  'GET /console/api/me': { cross: 'no-data' },
  'GET /console/api/counts': { cross: 'list' },
  'GET /console/api/acks/pending': { cross: 'list' },
  'GET /console/api/stream': { cross: 'list' },
  'GET /console/api/backlogs': { cross: 'staff' },

  'GET /partners': { cross: 'staff' },
  'GET /partners/health': { cross: 'staff' },
  'GET /partners/:id': { cross: 'staff' },
  'GET /partners/:id/webhook-failures': { cross: 'staff' },
  'PUT /partners/:id': { cross: 'staff', body: genericPartner('x', forB) },
  'POST /partners/:id/poll': { cross: 'staff' },

  'GET /messages': { cross: 'list' },
  'GET /messages/:id': { cross: 'resource' },
  'POST /messages/:id/replay': { cross: 'resource' },
  'POST /messages/:id/redeliver': { cross: 'resource' },
  'GET /trades/:ref': { cross: 'resource' },
  'GET /trades/:ref/missing': { cross: 'resource' },
  'GET /dead-letters': { cross: 'list' },
  'POST /dead-letters/:id/requeue': { cross: 'resource' },

  'POST /logistics/bookings': {
    cross: 'act-for-b',
    body: { partnerId: 'carrier-x', bookingRequestRef: B_BOOKING, ...forB },
  },
  'GET /logistics/bookings/:bookingNo': { cross: 'resource' },
  'POST /logistics/bookings/:bookingNo/shipping-instructions': { cross: 'resource' },
  'GET /logistics/shipments': { cross: 'list', query: `ref=${B_BOOKING}` },
  'GET /logistics/shipments/:blNo': { cross: 'resource' },
  'POST /logistics/plans': {
    cross: 'act-for-b',
    body: { reference: 'P-1', legs: [{ mode: 'SEA', refs: { bookingNo: B_BOOKING } }], ...forB },
  },
  'GET /logistics/plans/:id': { cross: 'resource' },
  'GET /logistics/stock': { cross: 'list' },
  'PUT /logistics/stock-thresholds': {
    cross: 'act-for-b',
    body: { sku: B_SKU, threshold: 1, ...forB },
  },

  'GET /clearance/declarations': { cross: 'list' },
  'GET /clearance/declarations/:id': { cross: 'resource' },
  'GET /clearance/declarations/:id/problems': { cross: 'resource' },
  // No declaration of B is seeded: an unknown one answers 404 before any role check.
  'POST /clearance/declarations/:id/submit': { cross: 'resource', viewerGets: 404 },
  'GET /clearance/alerts': { cross: 'list' },
  'POST /clearance/alerts/:id/clear': { cross: 'staff' },
  'PUT /clearance/clients/:clientId': {
    cross: 'act-for-b',
    body: { party: { name: 'Shenzhen Yitian' }, qualification: { registrations: [] } },
  },
  'PUT /clearance/catalogue/hs/:hsCode': { cross: 'staff' },
  'PUT /clearance/catalogue/products/:sku': {
    cross: 'act-for-b',
    query: `clientId=${B}`,
    body: { hsCode: '8516100000', goodsName: 'kettle', elementValues: [] },
  },
  'POST /clearance/origin': { cross: 'no-data', computes: true },
  'POST /clearance/tariff': { cross: 'no-data', computes: true },
  'GET /clearance/summaries': { cross: 'list' },
  'POST /clearance/summaries': {
    cross: 'act-for-b',
    body: {
      ...forB,
      periodStart: '2026-01-01T00:00:00+08:00',
      periodEnd: '2026-02-01T00:00:00+08:00',
    },
  },

  'GET /settlement/payments': { cross: 'list' },
  'GET /settlement/payments/:id': { cross: 'resource' },
  'POST /settlement/payments/:id/allocations': {
    cross: 'resource',
    viewerGets: 404,
    body: { invoiceNos: ['INV-1'] },
  },
  'POST /settlement/payment-instructions': {
    cross: 'act-for-b',
    body: { partnerId: 'bank-x', instruction: {}, ...forB },
  },
  'GET /settlement/payment-instructions': { cross: 'list' },
  'GET /settlement/receivables': { cross: 'list' },
  'PUT /settlement/fx-rates': {
    cross: 'staff',
    body: { source: 'x', rates: [{ base: 'USD', quote: 'CNY', date: '2026-01-02', rate: '7' }] },
  },
  'GET /settlement/fx-forwards': { cross: 'list' },
  'POST /settlement/fx-forwards': { cross: 'act-for-b', body: forwardBody(B_DEAL, B) },
  'POST /settlement/fx-forwards/:id/settle': { cross: 'resource', body: { spotRate: '7.1' } },
  'POST /settlement/fx-settlements': {
    cross: 'resource',
    viewerGets: 404,
    body: {
      paymentId: '00000000-0000-4000-8000-000000000000',
      bankRate: '7.1',
      referenceRate: '7.2',
    },
  },
  'GET /settlement/fx-settlements': { cross: 'list' },

  'GET /financing/loans': { cross: 'list' },
  'POST /financing/rebate-advances': {
    cross: 'act-for-b',
    body: { ...forB, claimNo: 'RB-D-SZYT-0001' },
  },
  'POST /financing/lc-presentations/check': { cross: 'no-data', computes: true },
  'GET /rebate/declarations': { cross: 'list' },
  'GET /rebate/claims': { cross: 'list' },
  'POST /rebate/claims/:claimNo/refund': {
    cross: 'act-for-b',
    body: {
      ...forB,
      refundAmount: { amount: '100.00', currency: 'CNY' },
      refundDate: '2026-05-01',
    },
  },
  'POST /rebate/declarations/:declarationNo/vat-invoices': {
    cross: 'act-for-b',
    body: { ...forB, lines: [vatLine()] },
  },
  'GET /rebate/vat-invoices': { cross: 'list' },
  'POST /rebate/declarations/:declarationNo/vat-invoice-assignments': {
    cross: 'act-for-b',
    body: {
      ...forB,
      lines: [{ invoiceNo: 'VAT-1', lineNo: 1, hsCode: '8516100000', quantity: '1', unit: '007' }],
    },
  },
  'POST /rebate/declarations/:declarationNo/documents-filed': {
    cross: 'act-for-b',
    body: forB,
  },
  'PUT /insurance/policies': { cross: 'act-for-b', body: { ...forB, policy: insurancePolicy } },
  'PUT /insurance/limits': {
    cross: 'act-for-b',
    body: {
      ...forB,
      buyerName: 'Buyer',
      policyNo: 'P-1',
      buyerCode: 'B-1',
      status: 'APPROVED',
      approved: '1000',
      currency: 'USD',
    },
  },
  'POST /insurance/possible-loss-run': { cross: 'staff', body: { today: '2026-01-02' } },
  'GET /insurance/declarations': { cross: 'list' },
  'GET /insurance/claims': { cross: 'list' },
  'POST /insurance/claims': { cross: 'act-for-b', body: { ...forB, invoiceNo: 'INV-SZYT-1' } },
  'POST /insurance/credit-limit-applications': {
    cross: 'act-for-b',
    body: {
      ...forB,
      policyNo: 'P-1',
      buyer: { name: 'Buyer', country: 'US' },
      requestedAmount: { amount: '1000.00', currency: 'USD' },
      paymentTerm: 'OA',
      creditDays: 60,
    },
  },
  'POST /insurance/credit-limit-applications/:applicationNo/decision': {
    cross: 'act-for-b',
    body: forB,
  },
  'POST /insurance/runs': { cross: 'staff' },
  'GET /insurance/premium-bills': { cross: 'list' },
  'POST /insurance/premium-bills/fetch': { cross: 'staff', body: { period: '202601' } },
  'POST /insurance/premium-bills/:billNo/payment': {
    cross: 'resource',
    body: {
      paidAt: '2026-02-10T10:00:00+08:00',
      amount: { amount: '1.00', currency: 'USD' },
      paymentRef: 'PAY-1',
    },
  },
  'GET /fees/schedules/:clientId': { cross: 'act-for-b' },
  'PUT /fees/schedules/:clientId': { cross: 'act-for-b', body: { rules: [] } },
  'GET /fees/statements/:clientId': { cross: 'act-for-b' },
  'GET /fees/statements/:clientId/csv': { cross: 'act-for-b' },
  'GET /fees/freight-sales/:clientId': { cross: 'act-for-b' },
  'PUT /fees/freight-sales/:clientId': {
    cross: 'act-for-b',
    body: {
      carrier: 'SWFD',
      blNo: 'MAEU253419876',
      sold: { amount: '1.00', currency: 'CNY' },
      soldAt: '2026-01-05T10:00:00+08:00',
    },
  },

  'GET /commerce/tasks': { cross: 'list' },
  // No task of B is seeded: an unknown one answers 404, and a client key never sees B's.
  'POST /commerce/tasks/:orderNo/:kind/done': {
    cross: 'resource',
    viewerGets: 404,
    body: { sellerKey: 'SELLER-SZYT' },
  },

  'GET /marketing/analytics': { cross: 'list', query: 'from=2026-01-01&to=2026-12-31' },
  'PUT /marketing/fx-rates': {
    cross: 'staff',
    body: { rates: [{ currency: 'USD', quoteCurrency: 'CNY', rateDate: '2026-01-02', rate: '7' }] },
  },
  'PUT /marketing/campaigns': {
    cross: 'act-for-b',
    body: { platform: 'tiktok', campaignId: 'C-1', name: 'x', ...forB },
  },
  'POST /marketing/ad-spend/import': {
    cross: 'act-for-b',
    body: { platform: 'tiktok', csv: 'x', ...forB },
  },
  'GET /marketing/campaigns/performance': { cross: 'list', query: 'from=2026-01-01&to=2026-12-31' },
  'POST /marketing/feeds/:kind': { cross: 'no-data', computes: true },
  'POST /marketing/listing-check': { cross: 'no-data', computes: true },
};

function vatLine() {
  return {
    invoiceNo: 'VAT-1',
    lineNo: 1,
    hsCode: '8516100000',
    productName: 'kettle',
    quantity: '1',
    unit: '007',
    amount: { amount: '100.00', currency: 'CNY' },
  };
}

function forwardBody(dealNo: string, clientId: string) {
  return {
    clientId,
    dealNo,
    direction: 'SELL_FX',
    amount: { amount: '1000.00', currency: 'USD' },
    quoteCurrency: 'CNY',
    rate: '7.1000',
    valueDate: '2026-03-31',
  };
}

const MUTATING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

describe('security: every route, generated from the route table', () => {
  let gw: TestGateway;
  let routes: Route[];
  let keyA: string;
  let staffViewer: string;
  // Path parameter values naming client B's resources (seeded below), or B itself.
  const params: Record<string, string> = {
    clientId: B,
    bookingNo: B_BOOKING,
    ref: B_ORDER,
    sku: B_SKU,
    partnerId: 'shop-szyt',
    blNo: 'BL-SZYT-0001',
    declarationNo: 'D-SZYT-0001',
    hsCode: '8516100000',
    billNo: 'PB-SZYT-0001',
    kind: 'tiktok',
    id: '00000000-0000-4000-8000-000000000000',
  };
  const byRoute: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    gw = await startTestGateway();
    routes = routesOf(gw.app);
    const clients = new PartnerRepository();
    for (const id of ['nbhs', B])
      await clients.upsertClient(gw.pool, { id, name: id, identifiers: [] });
    keyA = await gw.key('viewer', 'nbhs');
    staffViewer = await gw.key('viewer');
    const keyB = await gw.key('viewer', B);

    // Client B's data: an order (message, trade), a booking, a threshold, an FX forward.
    await gw.partners.upsert(genericPartner('shop-szyt', { clientId: B }));
    await gw.partners.upsert(carrierPartner('carrier-x', 'http://127.0.0.1:9/edi'));
    await gw.request('/inbound/shop-szyt', { method: 'POST', json: orderJson(B_ORDER) });
    const message = await eventually(
      async () =>
        (
          await gw.pool.query<{ id: string }>(
            `SELECT id FROM messages WHERE client_id = $1 AND direction = 'in'`,
            [B],
          )
        ).rows[0],
    );
    const booking = await gw.request('/logistics/bookings', {
      method: 'POST',
      key: keyB,
      json: { partnerId: 'carrier-x', ...bookingRequest(B_BOOKING) },
    });
    expect(booking.status).toBe(201);
    const threshold = await gw.request('/logistics/stock-thresholds', {
      method: 'PUT',
      key: keyB,
      json: { sku: B_SKU, threshold: 3 },
    });
    expect(threshold.status).toBeLessThan(300);
    const forward = await gw.request('/settlement/fx-forwards', {
      method: 'POST',
      key: keyB,
      json: forwardBody(B_DEAL, B),
    });
    expect(forward.status).toBe(201);
    const forwardId = ((await forward.json()) as { id: string }).id;
    for (const key of [
      'GET /messages/:id',
      'POST /messages/:id/replay',
      'POST /messages/:id/redeliver',
    ])
      byRoute[key] = { id: message.id };
    byRoute['POST /settlement/fx-forwards/:id/settle'] = { id: forwardId };
  }, 180_000);
  afterAll(() => stopTestGateway(gw));

  const urlOf = (route: Route) => {
    const rule = RULES[route.key];
    const query = rule && 'query' in rule && rule.query ? `?${rule.query}` : '';
    const path = route.path
      .replace('*', 'index.html')
      .replace(/:(\w+)/g, (_, name: string) =>
        encodeURIComponent(byRoute[route.key]?.[name] ?? params[name] ?? `unknown-${name}`),
      );
    return `${path}${query}`;
  };
  const call = (route: Route, key?: string, body?: unknown) =>
    gw.request(urlOf(route), {
      method: route.method,
      key,
      ...(MUTATING.has(route.method) ? { json: body ?? {} } : {}),
    });

  it('has every registered route classified, and no rule for a route that is gone', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.length).toBeGreaterThan(60);
    expect(keys.filter((k) => !(k in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  type Guarded = Exclude<Rule, { public: string }>;
  /** Every guarded route's problem, if any: the suite fails listing them all. */
  const problems = async (check: (route: Route, rule: Guarded) => Promise<string | undefined>) => {
    const wrong: string[] = [];
    for (const route of routes) {
      const rule = RULES[route.key];
      if (!rule || 'public' in rule) continue;
      const problem = await check(route, rule);
      if (problem) wrong.push(`${route.key}: ${problem}`);
    }
    return wrong;
  };

  it('refuses a call without a key (401) on every route that is not public', async () => {
    const wrong = await problems(async (route) => {
      const status = (await call(route)).status;
      return status === 401 ? undefined : String(status);
    });
    expect(wrong).toEqual([]);
  });

  it('refuses a staff viewer key (403) on every route that changes something', async () => {
    const wrong = await problems(async (route, rule) => {
      if (!MUTATING.has(route.method) || rule.computes) return undefined;
      const status = (await call(route, staffViewer, rule.body)).status;
      return status === (rule.viewerGets ?? 403) ? undefined : String(status);
    });
    expect(wrong).toEqual([]);
  });

  it('shows client A nothing of client B on any route', async () => {
    const allowed: Record<Cross, number[]> = {
      list: [200],
      resource: [403, 404],
      'act-for-b': [403, 404],
      staff: [403],
      'no-data': [200, 201, 400, 404, 422],
    };
    const wrong = await problems(async (route, rule) => {
      const response = await call(route, keyA, rule.body);
      // The event stream stays open: its status is the answer; its events are counts only.
      const stream = response.headers.get('content-type')?.startsWith('text/event-stream');
      const text = stream ? (void response.body?.cancel(), '') : await response.text();
      // A reference the caller sent may be echoed ("booking X not found"); nothing else of B.
      const asked = `${urlOf(route)} ${JSON.stringify(rule.body ?? {})}`;
      const leaked = B_MARKERS.filter((m) => !asked.includes(m) && text.includes(m));
      if (allowed[rule.cross].includes(response.status) && leaked.length === 0) return undefined;
      return `(${rule.cross}) ${response.status} ${leaked.join(',')} ${text.slice(0, 160)}`;
    });
    expect(wrong).toEqual([]);
  });
});
