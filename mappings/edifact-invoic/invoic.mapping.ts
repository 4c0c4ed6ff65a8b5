import Decimal from 'decimal.js';
import type { CommercialInvoice } from '../../core/model/documents/commerce.schema';
import type { InboundMapping, MappingContext } from '../../core/translation/contract';
import type { EdifactMessage, EdifactSegment, SegmentGroup } from '../codecs/edifact';
import { lenientDates, readDtm } from '../carrier-edifact/edifact-datetime';
import { mappingError } from '../carrier-edifact/mapping-error';
import { compact } from '../carrier-edifact/shipment-event.builder';
import { decimal, descriptionOf, itemOf, partyByRole, refsOf } from './commerce-segments';

type Line = CommercialInvoice['lines'][number];

// NAD 3035 roles, first found wins: seller (SU supplier, SE seller, II issuer of invoice) and
// buyer (BY buyer, IV invoicee, BT bill-to); DP delivery party / ST ship to / UC ultimate consignee.
const SELLERS = ['SU', 'SE', 'II'];
const BUYERS = ['BY', 'IV', 'BT'];
const CONSIGNEES = ['UC', 'DP', 'ST'];
// MOA 5025 after UNS: 79 total line items amount; 77 invoice amount, 86 message total, 39
// invoice total (the amount due), in that order.
const TOTALS = ['77', '86', '39'];

/**
 * UN/EDIFACT INVOIC (D.93A..D.21A, EANCOM alike) -> CommercialInvoice: BGM 1004 the number,
 * DTM 137 the date, NAD parties, CUX the currency, one line per LIN (QTY 47 invoiced, else the
 * first QTY; PRI; MOA 203 line amount, else quantity x price), totals from the MOAs after UNS.
 * Allowances and charges (ALC) are not modelled: their sum is in `discount`/`freight` only
 * when the totals say so, and each is listed as a warning.
 */
export const invoicMapping: InboundMapping<EdifactMessage> = {
  id: 'edifact-invoic',
  format: 'edifact',
  messageTypes: ['INVOIC'],
  toCanonical(decoded, ctx) {
    const warnings: string[] = [];
    return { documents: [document(decoded.tree, ctx, warnings)], warnings };
  },
};

function document(m: EdifactMessage, ctx: MappingContext, warnings: string[]) {
  const root = m.tree;
  const bgm = root.segment('BGM');
  if (!bgm) throw mappingError('INVOIC has no BGM', m.segments[0], 'missing-bgm');
  const invoiceNo = bgm.get(1, 0);
  if (!invoiceNo) throw mappingError('BGM names no invoice number (1004)', bgm, 'missing-number');
  const dtm137 = root.segments('DTM').find((d) => d.get(0, 0) === '137');
  const issued = dtm137 && readDtm(dtm137, '+00:00', lenientDates(ctx, warnings)).iso;
  const currency = currencyOf(m, ctx, warnings);
  const party = (roles: string[]) => partyByRole(root, roles);
  const seller = party(SELLERS);
  const buyer = party(BUYERS);
  // Everything an invoice cannot do without is named in one refusal, so the partner fixes
  // the message once.
  const missing = [
    !currency &&
      (['currency (CUX, MOA 6345 or the `currency` setting)', 'missing-currency'] as const),
    !seller && (['seller (NAD SU, SE or II)', 'missing-party'] as const),
    !buyer && (['buyer (NAD BY, IV or BT)', 'missing-party'] as const),
    root.groups('LIN').length === 0 && (['line (LIN)', 'missing-lines'] as const),
  ].filter((x) => x !== false);
  if (missing.length > 0 || !currency || !seller || !buyer)
    throw mappingError(
      `INVOIC names no ${missing.map(([what]) => what).join(', no ')}`,
      bgm,
      missing[0]?.[1],
    );
  const lines = root.groups('LIN').map((g, i) => lineOf(g, i, currency, warnings));
  const sum = lines.reduce((s, l) => s.plus(l.amount.amount), new Decimal(0));
  const totals = moasAfterUns(m);
  const goods = totals.get('79') ?? sum.toString();
  const total = TOTALS.map((q) => totals.get(q)).find(Boolean) ?? goods;
  for (const alc of m.segments.filter((s) => s.tag === 'ALC'))
    warnings.push(
      `segment ${alc.index} ALC ${alc.get(0) ?? ''} ${alc.get(4, 0) ?? ''}: allowance or charge not itemised`,
    );
  const money = (amount: string) => ({ amount, currency });
  const orderNos = refsOf(root, 'ON');
  const invoice: CommercialInvoice = compact({
    invoiceNo,
    issueDate: (issued ?? ctx.receivedAt).slice(0, 10),
    seller,
    buyer,
    consignee: party(CONSIGNEES),
    orderNos: orderNos.length ? orderNos : undefined,
    contractNo: refsOf(root, 'CT')[0],
    currency,
    lines,
    goodsValue: money(goods),
    totalAmount: money(total),
  });
  return {
    documentType: 'CommercialInvoice',
    eventType: 'commerce.invoice.issued',
    payload: invoice,
    occurredAt: issued ?? ctx.receivedAt,
  };
}

/**
 * CUX C504 6345 (reference currency), else the currency of the first MOA that names one, else
 * the partner's declared `currency` setting (for senders whose invoices never carry one), with
 * a warning.
 */
function currencyOf(m: EdifactMessage, ctx: MappingContext, warnings: string[]) {
  const cux = m.segments.find((s) => s.tag === 'CUX')?.get(0, 1);
  const moa = m.segments.find((s) => s.tag === 'MOA' && s.get(0, 2))?.get(0, 2);
  const code = (cux ?? moa)?.toUpperCase();
  if (code && /^[A-Z]{3}$/.test(code)) return code;
  const declared = ctx.settings?.currency;
  if (typeof declared !== 'string' || !/^[A-Z]{3}$/.test(declared)) return undefined;
  warnings.push(`INVOIC names no currency (CUX or MOA 6345): the partner's ${declared} is used`);
  return declared;
}

// Units partners still send that Rec 20 retired: PCE/PCS piece is H87 today.
const RETIRED_UNITS: Readonly<Record<string, string>> = { PCE: 'H87', PCS: 'H87' };

function unitOf(qty: EdifactSegment, warnings: string[]): Line['quantity']['unit'] {
  const sent = qty.get(0, 2)?.trim().toUpperCase();
  if (!sent) return 'C62';
  const unit = RETIRED_UNITS[sent];
  if (unit) warnings.push(`segment ${qty.index} QTY: unit ${sent} is read as Rec 20 ${unit}`);
  // A code outside the model's list is refused by its schema, at the line's quantity.
  return unit ?? sent;
}

function lineOf(g: SegmentGroup, i: number, currency: string, warnings: string[]): Line {
  const lin = g.head as EdifactSegment;
  const qtys = g.segments('QTY');
  const qty = qtys.find((q) => q.get(0, 0) === '47') ?? qtys[0];
  const quantity = decimal(qty?.get(0, 1));
  if (!qty || !quantity) throw mappingError('line has no quantity (QTY)', lin, 'missing-quantity');
  const price = decimal(g.groups('PRI')[0]?.head?.get(0, 1));
  const moa = g
    .groups('MOA')
    .map((x) => x.head)
    .find((x) => x?.get(0, 0) === '203');
  const amount =
    decimal(moa?.get(0, 1)) ?? (price && new Decimal(price).times(quantity).toString());
  const unitPrice = price ?? (amount && new Decimal(amount).div(quantity).toString());
  if (!amount || !unitPrice)
    throw mappingError(
      'line has neither a price (PRI) nor an amount (MOA 203)',
      lin,
      'missing-price',
    );
  const sku = itemOf(lin, g).id;
  const imd = descriptionOf(g);
  return compact({
    lineNo: Number(lin.get(0)) > 0 ? Number(lin.get(0)) : i + 1,
    sku,
    description: imd ?? (sku ? `item ${sku}` : `line ${i + 1}`),
    quantity: { value: quantity, unit: unitOf(qty, warnings) },
    unitPrice: { amount: unitPrice, currency },
    amount: { amount, currency },
  });
}

/** MOA amounts of the summary section (after UNS), by qualifier; the first of each counts. */
function moasAfterUns(m: EdifactMessage): Map<string, string> {
  const out = new Map<string, string>();
  const uns = m.segments.findIndex((s) => s.tag === 'UNS');
  if (uns < 0) return out;
  for (const s of m.segments.slice(uns + 1)) {
    if (s.tag !== 'MOA') continue;
    const q = s.get(0, 0);
    const v = decimal(s.get(0, 1));
    if (q && v && !out.has(q)) out.set(q, v);
  }
  return out;
}
