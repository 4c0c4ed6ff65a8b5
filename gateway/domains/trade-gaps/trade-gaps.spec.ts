import { chinaToday, missingPieces, TRADE_GAP_RULES } from './registry';
import type { TradeDocument, TradeFacts } from './contract';

const doc = (documentType: string, payload: object): TradeDocument => ({
  documentType,
  eventType: 'x',
  occurredAt: '2026-03-01T00:00:00Z',
  payload,
});

const booking = (extra: object = {}) =>
  doc('BookingConfirmation', {
    bookingNo: 'BK1',
    status: 'CONFIRMED',
    plannedDepartureDate: '2026-03-10',
    ...extra,
  });
const declaration = (extra: object = {}) =>
  doc('ExportDeclaration', {
    entryId: '310120260000000001',
    declarationDate: '2026-03-01',
    ...extra,
  });
const receipt = (outcome: string) =>
  doc('DeclarationReceipt', { entryId: '310120260000000001', outcome });
const invoice = (method: string, creditDays?: number) =>
  doc('CommercialInvoice', {
    invoiceNo: 'INV1',
    issueDate: '2026-02-20',
    paymentTerms: { method, ...(creditDays !== undefined ? { creditDays } : {}) },
    totalAmount: { amount: '1000.00', currency: 'USD' },
  });
const bl = (shippedOnBoardDate?: string) =>
  doc('BillOfLading', { blNo: 'BL1', status: 'ISSUED', shippedOnBoardDate });
const matched = (amount: string, currency = 'USD') =>
  doc('PaymentMatched', {
    allocations: [{ invoiceNo: 'INV1', amount: { amount, currency }, settled: false }],
  });

const facts = (documents: TradeDocument[], today = '2026-03-07'): TradeFacts => ({
  today,
  documents,
});
const codes = (f: TradeFacts) => missingPieces(f).map((p) => p.code);
const piece = (f: TradeFacts, code: string) => missingPieces(f).find((p) => p.code === code);

describe('trade gaps registry', () => {
  it('holds one rule per code, each owned by the domain its code names', () => {
    const all = TRADE_GAP_RULES.map((r) => r.code);
    expect(new Set(all).size).toBe(all.length);
    for (const r of TRADE_GAP_RULES) expect(r.code.startsWith(`${r.domain}.`)).toBe(true);
    expect(new Set(TRADE_GAP_RULES.map((r) => r.domain))).toEqual(
      new Set(['clearance', 'logistics', 'settlement', 'insurance', 'rebate']),
    );
    for (const r of TRADE_GAP_RULES) expect(r.label.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('counts days left from today, marks overdue, and puts the most urgent first', () => {
    const pieces = missingPieces(facts([booking()], '2026-03-12'));
    expect(pieces[0]).toMatchObject({ due: '2026-03-10', daysLeft: -2, overdue: true });
    const undated = missingPieces(facts([booking({ plannedDepartureDate: undefined })]));
    expect(undated.every((p) => p.due === undefined && p.overdue === false)).toBe(true);
  });

  it('answers nothing on a trade with no documents', () => {
    expect(missingPieces(facts([]))).toEqual([]);
  });

  it('China date: 20:00 UTC is already the next day in Shanghai', () => {
    expect(chinaToday(new Date('2026-03-06T20:00:00Z'))).toBe('2026-03-07');
    expect(chinaToday(new Date('2026-03-06T15:59:00Z'))).toBe('2026-03-06');
  });
});

describe('clearance', () => {
  it('a confirmed booking without a declaration misses one, due by the planned departure', () => {
    expect(piece(facts([booking()]), 'clearance.export-declaration')).toMatchObject({
      due: '2026-03-10',
      daysLeft: 3,
    });
    expect(codes(facts([booking(), declaration()]))).not.toContain('clearance.export-declaration');
  });

  it('a declaration waits for release until a receipt or its status says released or closed', () => {
    const entered = facts([booking(), declaration(), receipt('ENTERED')]);
    expect(piece(entered, 'clearance.customs-release')).toMatchObject({
      subject: '310120260000000001',
      due: '2026-03-10',
    });
    expect(codes(facts([declaration(), receipt('RELEASED')]))).not.toContain(
      'clearance.customs-release',
    );
    expect(codes(facts([declaration({ status: 'CLOSED' })]))).not.toContain(
      'clearance.customs-release',
    );
  });
});

describe('logistics', () => {
  it('a confirmed booking misses its on-board B/L until one carries the on-board date', () => {
    expect(piece(facts([booking()]), 'logistics.on-board-bl')).toMatchObject({ subject: 'BK1' });
    expect(codes(facts([booking(), bl()]))).toContain('logistics.on-board-bl');
    expect(codes(facts([booking(), bl('2026-03-02')]))).not.toContain('logistics.on-board-bl');
  });

  it('a cancelled booking expects no B/L', () => {
    expect(codes(facts([booking({ status: 'CANCELLED' })]))).not.toContain('logistics.on-board-bl');
  });
});

describe('settlement', () => {
  it('an invoice is uncollected until matched receipts in its currency cover it', () => {
    const part = facts([
      invoice('OA', 60),
      bl('2026-03-02'),
      matched('400'),
      matched('900', 'EUR'),
    ]);
    expect(piece(part, 'settlement.fx-collection')).toMatchObject({
      subject: 'INV1',
      detail: '400 of 1000.00 USD',
      due: '2026-05-01',
    });
    const full = facts([invoice('OA', 60), matched('400'), matched('600.00')]);
    expect(codes(full)).not.toContain('settlement.fx-collection');
  });

  it('before shipment the credit period runs from the invoice date; without one no date', () => {
    expect(piece(facts([invoice('OA', 30)]), 'settlement.fx-collection')?.due).toBe('2026-03-22');
    expect(piece(facts([invoice('TT')]), 'settlement.fx-collection')?.due).toBeUndefined();
  });
});

describe('insurance', () => {
  it('a credit-term shipment on board is due for declaration 5 China working days later', () => {
    const f = facts([invoice('OA', 60), bl('2026-03-02')]);
    expect(piece(f, 'insurance.shipment-declaration')).toMatchObject({
      subject: 'INV1',
      due: '2026-03-09',
      daysLeft: 2,
      label: { en: 'Sinosure shipment declaration not made', zh: '信保出运申报未办理' },
    });
    const declared = doc('InsuranceShipmentDeclaration', { invoiceNo: 'INV1' });
    expect(codes(facts([invoice('OA', 60), bl('2026-03-02'), declared]))).not.toContain(
      'insurance.shipment-declaration',
    );
  });

  it('counts over the Spring Festival holiday', () => {
    // 2026 Spring Festival: 15-23 February off, Saturday 14 February worked: 14, 24, 25, 26, 27.
    const f = facts([invoice('DA', 90), bl('2026-02-13')], '2026-02-13');
    expect(piece(f, 'insurance.shipment-declaration')?.due).toBe('2026-02-27');
  });

  it('LC and T/T shipments, unshipped goods and years without a calendar give no deadline', () => {
    expect(codes(facts([invoice('LC'), bl('2026-03-02')]))).not.toContain(
      'insurance.shipment-declaration',
    );
    expect(codes(facts([invoice('OA', 60), bl()]))).not.toContain('insurance.shipment-declaration');
    const far = piece(
      facts([invoice('OA', 60), bl('2031-03-03')]),
      'insurance.shipment-declaration',
    );
    expect(far).toBeDefined();
    expect(far?.due).toBeUndefined();
  });
});

describe('rebate', () => {
  it('an unclaimed declaration is due by April 30 of the next year and names what it waits for', () => {
    expect(piece(facts([declaration(), invoice('OA', 60)]), 'rebate.claim')).toMatchObject({
      subject: '310120260000000001',
      due: '2027-04-30',
      detail: 'waits for RELEASED, CLOSED, VAT_INVOICE_MATCHED, FX_COLLECTED',
    });
    const ready = facts([
      declaration(),
      receipt('CLOSED'),
      invoice('OA', 60),
      matched('1000'),
      doc('VatInvoice', { invoiceNo: 'V1' }),
    ]);
    expect(piece(ready, 'rebate.claim')?.detail).toBe('ready');
  });

  it('a filed claim for the declaration closes it; a draft or a rejected one does not', () => {
    const claim = (status: string) =>
      doc('RebateClaim', { status, lines: [{ declarationNo: '310120260000000001' }] });
    expect(codes(facts([declaration(), claim('FILED')]))).not.toContain('rebate.claim');
    expect(codes(facts([declaration(), claim('DRAFT')]))).toContain('rebate.claim');
    expect(codes(facts([declaration(), claim('REJECTED')]))).toContain('rebate.claim');
  });
});
