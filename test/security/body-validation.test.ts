import { randomUUID } from 'node:crypto';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';

type ErrorBody = { error: { status: number; message: string | string[] } };
type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
};

interface BadBody {
  method: 'POST' | 'PUT';
  /** The request path, and the path as the OpenAPI description names it. */
  path: string;
  documented: string;
  body: unknown;
  /** JSON pointers the 400 must name, each one. */
  pointers: string[];
}

const id = randomUUID();

// One bad body per domain route that takes one: wrong types, missing fields, unknown fields.
const CASES: BadBody[] = [
  {
    method: 'POST',
    path: '/logistics/bookings',
    documented: '/logistics/bookings',
    body: { partnerId: 7, bookingNo: 'TOL1' },
    pointers: ['/partnerId', '/bookingRequestRef', '/bookingNo'],
  },
  {
    method: 'POST',
    path: '/logistics/bookings/BR-1/shipping-instructions',
    documented: '/logistics/bookings/{bookingNo}/shipping-instructions',
    body: { partnerId: 7 },
    pointers: ['/partnerId'],
  },
  {
    method: 'POST',
    path: '/logistics/plans',
    documented: '/logistics/plans',
    body: { legs: [] },
    pointers: ['/reference', '/legs'],
  },
  {
    method: 'PUT',
    path: '/logistics/stock-thresholds',
    documented: '/logistics/stock-thresholds',
    body: { threshold: -1 },
    pointers: ['/sku', '/threshold'],
  },
  {
    method: 'POST',
    path: `/settlement/payments/${id}/allocations`,
    documented: '/settlement/payments/{id}/allocations',
    body: { invoiceNos: [] },
    pointers: ['/invoiceNos'],
  },
  {
    method: 'POST',
    path: '/settlement/payment-instructions',
    documented: '/settlement/payment-instructions',
    body: { extra: true },
    pointers: ['/partnerId', '/'],
  },
  {
    method: 'PUT',
    path: '/settlement/fx-rates',
    documented: '/settlement/fx-rates',
    body: { rates: [{ base: 'usd', quote: 'CNY', date: 'today', rate: 7.1 }] },
    pointers: ['/source', '/rates/0/base', '/rates/0/date', '/rates/0/rate'],
  },
  {
    method: 'POST',
    path: '/settlement/fx-forwards',
    documented: '/settlement/fx-forwards',
    body: { direction: 'SIDEWAYS', amount: { amount: 1.5, currency: 'USD' } },
    pointers: ['/dealNo', '/direction', '/amount/amount', '/rate', '/valueDate'],
  },
  {
    method: 'POST',
    path: `/settlement/fx-forwards/${id}/settle`,
    documented: '/settlement/fx-forwards/{id}/settle',
    body: { spotRate: 'seven' },
    pointers: ['/spotRate'],
  },
  {
    method: 'POST',
    path: '/settlement/fx-settlements',
    documented: '/settlement/fx-settlements',
    body: { paymentId: 'not-a-uuid' },
    pointers: ['/paymentId', '/bankRate', '/referenceRate'],
  },
  {
    method: 'POST',
    path: '/financing/lc-presentations/check',
    documented: '/financing/lc-presentations/check',
    body: { presentation: { presentedOn: 'yesterday' } },
    pointers: ['/lc', '/presentation/presentedOn', '/presentation/invoices'],
  },
  {
    method: 'POST',
    path: '/rebate/declarations/D-1/vat-invoices',
    documented: '/rebate/declarations/{declarationNo}/vat-invoices',
    body: { lines: [{ invoiceNo: '', lineNo: 0 }] },
    pointers: ['/lines/0/invoiceNo', '/lines/0/lineNo', '/lines/0/hsCode'],
  },
  {
    method: 'POST',
    path: '/rebate/declarations/D-1/documents-filed',
    documented: '/rebate/declarations/{declarationNo}/documents-filed',
    body: { clientId: '' },
    pointers: ['/clientId'],
  },
  {
    method: 'PUT',
    path: '/insurance/policies',
    documented: '/insurance/policies',
    body: { clientId: 'nbhs' },
    pointers: ['/policy'],
  },
  {
    method: 'PUT',
    path: '/insurance/limits',
    documented: '/insurance/limits',
    body: { clientId: 'nbhs', status: 'MAYBE', approved: '1,000' },
    pointers: ['/buyerName', '/status', '/approved', '/currency'],
  },
  {
    method: 'POST',
    path: '/insurance/possible-loss-run',
    documented: '/insurance/possible-loss-run',
    body: { today: '06/12/2026' },
    pointers: ['/today'],
  },
  {
    method: 'PUT',
    path: '/fees/schedules/nbhs',
    documented: '/fees/schedules/{clientId}',
    body: { rules: [{ service: 'CLEARANCE', kind: 'PERCENT', percent: 'lots' }] },
    pointers: ['/rules/0/percent'],
  },
  {
    method: 'PUT',
    path: '/marketing/campaigns',
    documented: '/marketing/campaigns',
    body: { platform: 'myspace' },
    pointers: ['/platform', '/campaignId', '/name'],
  },
  {
    method: 'POST',
    path: '/marketing/listing-check',
    documented: '/marketing/listing-check',
    body: { products: [{ title: 'x' }] },
    pointers: ['/products/0/sku', '/marketplace'],
  },
  {
    method: 'PUT',
    path: '/clearance/clients/nbhs',
    documented: '/clearance/clients/{clientId}',
    body: { qualification: { registrations: [{ kind: 'VISA', number: '1', status: 'ACTIVE' }] } },
    pointers: ['/party', '/qualification/registrations/0/kind'],
  },
  {
    method: 'PUT',
    path: '/clearance/catalogue/products/SKU-1',
    documented: '/clearance/catalogue/products/{sku}',
    body: { hsCode: '96', goodsName: '' },
    pointers: ['/hsCode', '/goodsName', '/elementValues'],
  },
  {
    method: 'POST',
    path: '/clearance/origin',
    documented: '/clearance/origin',
    body: { agreement: 'NAFTA', exportingCountry: 'China', materials: [{}] },
    pointers: ['/agreement', '/exportingCountry', '/fobValue', '/materials/0/value'],
  },
  {
    method: 'POST',
    path: '/clearance/tariff',
    documented: '/clearance/tariff',
    body: { customsValue: { amount: 1000 } },
    pointers: ['/hsCode', '/customsValue/amount', '/qualifiesFor', '/date'],
  },
];

describe('security: every domain body is validated at the edge and documented', () => {
  let gw: TestGateway;
  let doc: OpenApi;

  beforeAll(async () => {
    gw = await startTestGateway();
    doc = (await (await gw.request('/docs/openapi.json')).json()) as OpenApi;
  });
  afterAll(() => stopTestGateway(gw));

  it.each(CASES.map((c) => [`${c.method} ${c.path}`, c] as const))(
    '%s answers 400 naming each bad field by JSON pointer',
    async (_, c) => {
      const response = await gw.request(c.path, {
        method: c.method,
        key: gw.adminKey,
        json: c.body,
      });
      expect(response.status).toBe(400);
      const messages = [((await response.json()) as ErrorBody).error.message].flat();
      for (const pointer of c.pointers)
        expect(messages.some((m) => m.startsWith(`${pointer}: `))).toBe(true);
    },
  );

  it.each(CASES.map((c) => [`${c.method} ${c.documented}`, c] as const))(
    '%s documents its body schema',
    (_, c) => {
      const operation = doc.paths[c.documented]?.[c.method.toLowerCase()];
      expect(operation?.requestBody?.content['application/json']).toMatchObject({
        schema: { type: 'object', properties: expect.any(Object) },
      });
    },
  );
});
