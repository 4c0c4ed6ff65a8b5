import type { Quantity } from '../../../../core/model/values/quantity.schema';
import type { BillOfLading } from '../../../../core/model/documents/logistics-document.schema';
import { bl, invoice, lc, presentation } from './lc-fixture';
import { examinePresentation, type LcCheckInput, type Presentation } from './lc-presentation';

const usd = (amount: string) => ({ amount, currency: 'USD' as const });
const p = (change: Partial<Presentation>): Partial<LcCheckInput> => ({
  presentation: { ...presentation, ...change },
});
const withBl = (...bls: Array<Partial<BillOfLading>>) =>
  p({ billsOfLading: bls.map((b) => ({ ...bl, ...b })) });
/** One invoice line of `qty` units for `amount`; insurance raised so it never interferes. */
const invoiced = (amount: string, qty = '10000', unit: Quantity['unit'] = 'H87') =>
  p({
    invoices: [
      {
        ...invoice,
        lines: [{ ...invoice.lines[0], quantity: { value: qty, unit }, amount: usd(amount) }],
        goodsValue: usd(amount),
        totalAmount: usd(amount),
      },
    ],
    insurance: { ...presentation.insurance!, insuredAmount: usd('200000.00') },
  });
const onInvoice = (change: Partial<typeof invoice>) => p({ invoices: [{ ...invoice, ...change }] });
const insured = (change: Partial<NonNullable<Presentation['insurance']>>) =>
  p({ insurance: { ...presentation.insurance!, ...change } });
const credit = (change: Partial<typeof lc>, rest: Partial<LcCheckInput> = {}) => ({
  lc: { ...lc, ...change },
  ...rest,
});
const pcs = (value: string) => ({ quantity: { value, unit: 'H87' as const } });

function found(input: Partial<LcCheckInput>): string[] {
  return examinePresentation({ lc, presentation, ...input }).map((d) => `${d.code} ${d.article}`);
}

describe('UCP 600 presentation check', () => {
  it('finds the complying presentation clean', () => {
    expect(examinePresentation({ lc, presentation })).toEqual([]);
  });

  describe.each<[string, Partial<LcCheckInput>, string[]]>([
    // Expiry 31D 2026-05-31 in Shanghai; on board 04-21, so day 21 is 05-12.
    [
      'after expiry',
      p({ presentedOn: '2026-06-01' }),
      ['CREDIT_EXPIRED 6(d)(i)', 'LATE_PRESENTATION 14(c)'],
    ],
    [
      'on the expiry date but day 40',
      p({ presentedOn: '2026-05-31' }),
      ['LATE_PRESENTATION 14(c)'],
    ],
    ['at another place', p({ place: 'Hong Kong' }), ['WRONG_PLACE 6(d)(ii)']],
    ['on day 21 after shipment', p({ presentedOn: '2026-05-12' }), []],
    ['on day 22 after shipment', p({ presentedOn: '2026-05-13' }), ['LATE_PRESENTATION 14(c)']],
    [
      'on day 11 when 48 says 10',
      credit({ presentationPeriodDays: 10 }, p({ presentedOn: '2026-05-02' })),
      ['LATE_PRESENTATION 14(c)'],
    ],
    ['shipped on 44C', withBl({ shippedOnBoardDate: '2026-04-30' }), []],
    [
      'shipped after 44C',
      withBl({ shippedOnBoardDate: '2026-05-01' }),
      ['LATE_SHIPMENT 20(a)(ii)'],
    ],
    // No 39A: at most 100,000.00, at least 95,000.00 with partials prohibited (30(c)).
    ['drawing 100,000.01 without tolerance', invoiced('100000.01'), ['AMOUNT_EXCEEDED 18(b)']],
    ['drawing 95,000.00 for the full quantity', invoiced('95000.00'), []],
    ['drawing 94,999.99, partials prohibited', invoiced('94999.99'), ['AMOUNT_SHORT 30(c)']],
    [
      'drawing 94,999.99, partials allowed',
      credit({ partialShipments: 'ALLOWED' }, invoiced('94999.99')),
      [],
    ],
    // 39A 5/5: 95,000.00 to 105,000.00.
    [
      'drawing 105,000.00 with 39A 5/5',
      credit({ tolerance: { plusPercent: 5, minusPercent: 5 } }, invoiced('105000.00')),
      [],
    ],
    [
      'drawing 105,000.01 with 39A 5/5',
      credit({ tolerance: { plusPercent: 5, minusPercent: 5 } }, invoiced('105000.01')),
      ['AMOUNT_EXCEEDED 30(a)'],
    ],
    // "About" the amount: 90,000.00 to 110,000.00.
    [
      'drawing 110,000.00 for about the amount',
      { goods: { aboutAmount: true }, ...invoiced('110000.00') },
      [],
    ],
    [
      'drawing 110,000.01 for about the amount',
      { goods: { aboutAmount: true }, ...invoiced('110000.01') },
      ['AMOUNT_EXCEEDED 30(a)'],
    ],
    // Counted units: exactly 10,000 pcs; "about": 9,000 to 11,000; weight: +-5%.
    [
      '10,001 pcs counted',
      { goods: pcs('10000'), ...invoiced('100000.00', '10001') },
      ['QUANTITY_EXCEEDED 30(b)'],
    ],
    [
      '9,500 pcs, partials prohibited',
      { goods: pcs('10000'), ...invoiced('95000.00', '9500') },
      ['QUANTITY_SHORT 30(b)'],
    ],
    [
      '11,000 pcs of about 10,000',
      credit(
        { goodsDescription: `ABOUT ${lc.goodsDescription}` },
        { goods: pcs('10000'), ...invoiced('100000.00', '11000') },
      ),
      [],
    ],
    [
      '11,001 pcs of about 10,000',
      credit(
        { goodsDescription: `ABOUT ${lc.goodsDescription}` },
        { goods: pcs('10000'), ...invoiced('100000.00', '11001') },
      ),
      ['QUANTITY_EXCEEDED 30(a)'],
    ],
    [
      '1,050 kg of 1,000 kg',
      {
        goods: { quantity: { value: '1000', unit: 'KGM' as const } },
        ...invoiced('100000.00', '1050', 'KGM'),
      },
      [],
    ],
    [
      '1,050.1 kg of 1,000 kg',
      {
        goods: { quantity: { value: '1000', unit: 'KGM' as const } },
        ...invoiced('100000.00', '1050.1', 'KGM'),
      },
      ['QUANTITY_EXCEEDED 30(b)'],
    ],
    ['two B/Ls, one vessel and voyage', withBl({}, { blNo: 'NBHAM260422' }), []],
    [
      'two B/Ls on two vessels',
      withBl(
        {},
        { blNo: 'NBHAM260502', vessel: { mode: 'SEA', vesselName: 'OTHER STAR', voyageNo: '7E' } },
      ),
      ['PARTIAL_SHIPMENT 31(b)'],
    ],
    ['transhipment of containerised goods', withBl({ clauses: ['TRANSHIPMENT AT SINGAPORE'] }), []],
    [
      'transhipment of break-bulk goods',
      withBl({ clauses: ['TRANSHIPMENT AT SINGAPORE'], containers: [] }),
      ['TRANSHIPMENT 20(c)'],
    ],
    [
      'loaded at Shanghai, not Ningbo',
      withBl({ portOfLoading: { unLocode: 'CNSHA', name: 'Shanghai' } }),
      ['PORT_OF_LOADING 20(a)(iii)'],
    ],
    [
      'discharged at Bremerhaven',
      withBl({ portOfDischarge: { unLocode: 'DEBRV', name: 'Bremerhaven' } }),
      ['PORT_OF_DISCHARGE 20(a)(iii)'],
    ],
    ['a B/L with torn cartons', withBl({ clauses: ['3 CARTONS TORN'] }), ['UNCLEAN_BL 27']],
    ["a B/L with shipper's load and count", withBl({ clauses: ["SHIPPER'S LOAD AND COUNT"] }), []],
    ['goods on deck', withBl({ onDeck: true }), ['ON_DECK 26(a)']],
    [
      'a received-for-shipment B/L',
      withBl({ status: 'DRAFT', shippedOnBoardDate: undefined }),
      ['NOT_ON_BOARD 20(a)(ii)'],
    ],
    [
      'an invoice for floor lamps',
      onInvoice({ lines: [{ ...invoice.lines[0], description: 'LED floor lamp' }] }),
      ['DESCRIPTION_MISMATCH 18(c)'],
    ],
    [
      'an invoice by another seller',
      onInvoice({ seller: { name: 'Ningbo Trading Co' } }),
      ['INVOICE_NOT_BY_BENEFICIARY 18(a)(i)'],
    ],
    [
      'an invoice to another buyer',
      onInvoice({ buyer: { name: 'Lumen Holding AG' } }),
      ['INVOICE_NOT_TO_APPLICANT 18(a)(ii)'],
    ],
    ['an invoice in EUR', onInvoice({ currency: 'EUR' }), ['INVOICE_CURRENCY 18(a)(iii)']],
    [
      'an invoice dated after presentation',
      onInvoice({ issueDate: '2026-05-07' }),
      ['DATED_AFTER_PRESENTATION 14(i)'],
    ],
    ['no packing list', p({ packingList: undefined }), ['DOCUMENT_MISSING 14(a)']],
    ['no certificate of origin', p({ certificateOfOrigin: undefined }), ['DOCUMENT_MISSING 14(a)']],
    // CIF 100,000.00 x 110% = 110,000.00.
    [
      'insurance for 109,999.99',
      insured({ insuredAmount: usd('109999.99') }),
      ['UNDER_INSURED 28(f)(ii)'],
    ],
    [
      'insurance in EUR',
      insured({ insuredAmount: { amount: '110000.00', currency: 'EUR' } }),
      ['INSURANCE_CURRENCY 28(f)(i)'],
    ],
    [
      'insurance dated after shipment',
      insured({ issueDate: '2026-04-22' }),
      ['INSURANCE_AFTER_SHIPMENT 28(e)'],
    ],
  ])('presented %s', (_name, input, expected) => {
    it(expected.length ? `is refused: ${expected.join(', ')}` : 'complies', () => {
      expect(found(input)).toEqual(expected);
    });
  });

  it('states the article, the MT700 field and the figures', () => {
    const [d] = examinePresentation({ lc, presentation, ...invoiced('100000.01') });
    expect(d).toEqual({
      code: 'AMOUNT_EXCEEDED',
      article: '18(b)',
      field: '32B',
      message: 'invoices total USD 100000.01, above USD 100000.00',
    });
  });
});
