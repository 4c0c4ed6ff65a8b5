import { createEnvelope } from '../../core/envelope/envelope';
import { getDocumentDefinition } from '../../core/model/documents';
import { EXAMPLES } from '../../core/model/documents/__fixtures__/examples.fixture';
import { insertDocuments } from '../../core/storage/document.repository';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';

const INVOICE = 'HT25-INV-0088';
const CLIENT = 'nbhs';

interface Missing {
  today: string;
  missing: Array<{ code: string; subject?: string; due?: string; overdue: boolean }>;
}

/** Files canonical documents on the trade the way the normalizer and domain handlers do. */
async function file(gw: TestGateway, documentType: string, payload: object, clientId = CLIENT) {
  const type = getDocumentDefinition(documentType).defaultEventType;
  const envelope = createEnvelope({
    type,
    documentType,
    version: '1',
    payload,
    refs: getDocumentDefinition(documentType).refs(payload as never),
    source: { partnerId: 'test', connector: 'test', transport: 'api', format: 'canonical' },
    receivedAt: new Date().toISOString(),
    clientId,
  });
  await insertDocuments(gw.pool, [{ envelope, messageId: null }]);
}

describe('trade view: what is still missing on a trade', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
    // An open-account shipment: booked, on board, declared to customs but not released yet.
    await file(gw, 'CommercialInvoice', {
      ...(EXAMPLES.CommercialInvoice as object),
      paymentTerms: { method: 'OA', creditDays: 60 },
    });
    await file(gw, 'BookingConfirmation', EXAMPLES.BookingConfirmation as object);
    await file(gw, 'BillOfLading', EXAMPLES.BillOfLading as object);
    await file(gw, 'ExportDeclaration', {
      ...(EXAMPLES.ExportDeclaration as object),
      status: 'DECLARED',
    });
  });
  afterAll(() => stopTestGateway(gw));

  const missing = async (key?: string) => {
    const response = await gw.request(`/trades/${INVOICE}/missing`, { key: key ?? gw.adminKey });
    expect(response.status).toBe(200);
    return (await response.json()) as Missing;
  };

  it('lists each domain’s missing piece with its due date, the most urgent first', async () => {
    const answer = await missing();
    expect(answer.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(answer.missing.map((p) => p.code)).toEqual([
      'clearance.customs-release',
      'insurance.shipment-declaration',
      'settlement.fx-collection',
      'rebate.claim',
    ]);
    // Release by the vessel's departure; Sinosure 5 working days after on board (20 April).
    expect(answer.missing[0]).toMatchObject({ subject: '310420250518004217', due: '2025-04-20' });
    expect(answer.missing[1]).toMatchObject({ subject: INVOICE, due: '2025-04-25', overdue: true });
    expect(answer.missing[2]).toMatchObject({ subject: INVOICE, due: '2025-06-19' });
    expect(answer.missing[3]).toMatchObject({ due: '2026-04-30' });
  });

  it('drops a piece once the document that settles it is on the trade', async () => {
    await file(gw, 'DeclarationReceipt', EXAMPLES.DeclarationReceipt as object);
    const codes = (await missing()).missing.map((p) => p.code);
    expect(codes).not.toContain('clearance.customs-release');
    expect(codes).toContain('rebate.claim');
    const trade = (await (await gw.request(`/trades/${INVOICE}`, { key: gw.adminKey })).json()) as {
      missing: Missing['missing'];
    };
    expect(trade.missing.map((p) => p.code)).toEqual(codes);
  });

  it('is cut to the client like the trade: another client’s key finds nothing', async () => {
    const other = await gw.key('viewer', 'szyt');
    expect((await gw.request(`/trades/${INVOICE}/missing`, { key: other })).status).toBe(404);
    const own = await gw.key('viewer', CLIENT);
    expect((await missing(own)).missing.length).toBeGreaterThan(0);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await gw.request('/docs/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(doc.paths['/trades/{ref}/missing']).toBeDefined();
  });
});
