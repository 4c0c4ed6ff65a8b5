import Decimal from 'decimal.js';
import { norm, sumInvoices, type Check, type Discrepancy, type LcCheckInput } from './lc-types';

/** Art. 30(a): "about" or "approximately" allows 10% more or less. */
const ABOUT = /\b(ABOUT|APPROXIMATELY|CIRCA)\b/;
/** Rec 20 codes of goods counted in units or items, which Art. 30(b) leaves without tolerance. */
const COUNTED = new Set(['H87', 'C62', 'PCE', 'EA', 'SET', 'PR', 'DZN', 'NAR', 'NPR']);

interface Band {
  low: Decimal;
  high: Decimal;
  article: string;
}

/** The amount band: "about" (30(a)), else 39A, else the credit amount and 5% less (30(c)). */
function amountBand({ lc, goods }: LcCheckInput): Band {
  const amount = new Decimal(lc.amount.amount);
  if (goods?.aboutAmount)
    return { low: amount.times(0.9), high: amount.times(1.1), article: '30(a)' };
  if (lc.tolerance) {
    const { plusPercent: plus, minusPercent: minus } = lc.tolerance;
    return {
      low: amount.times(100 - minus).div(100),
      high: amount.times(100 + plus).div(100),
      article: '30(a)',
    };
  }
  return { low: amount.times(0.95), high: amount, article: '30(c)' };
}

export const amountChecks: Check = (input) => {
  const { lc, presentation: p } = input;
  if (p.invoices.length === 0) return [];
  const drawn = sumInvoices(p);
  const band = amountBand(input);
  const ccy = lc.amount.currency;
  if (drawn.gt(band.high)) {
    return [
      {
        code: 'AMOUNT_EXCEEDED',
        article: band.article === '30(c)' ? '18(b)' : band.article,
        field: lc.tolerance ? '39A' : '32B',
        message: `invoices total ${ccy} ${drawn.toFixed(2)}, above ${ccy} ${band.high.toFixed(2)}`,
      },
    ];
  }
  // Drawing less is a partial drawing, a discrepancy only where partials are prohibited.
  if (lc.partialShipments === 'NOT_ALLOWED' && drawn.lt(band.low)) {
    return [
      {
        code: 'AMOUNT_SHORT',
        article: band.article,
        field: '43P',
        message: `invoices total ${ccy} ${drawn.toFixed(2)}, below ${ccy} ${band.low.toFixed(2)} with partials prohibited`,
      },
    ];
  }
  return [];
};

function quantityBand(input: LcCheckInput, required: Decimal, unit: string): Band {
  const about = input.goods?.aboutQuantity ?? ABOUT.test(norm(input.lc.goodsDescription));
  if (about) return { low: required.times(0.9), high: required.times(1.1), article: '30(a)' };
  if (COUNTED.has(unit)) return { low: required, high: required, article: '30(b)' };
  return { low: required.times(0.95), high: required.times(1.05), article: '30(b)' };
}

export const quantityChecks: Check = (input) => {
  const required = input.goods?.quantity;
  if (!required || input.presentation.invoices.length === 0) return [];
  const lines = input.presentation.invoices.flatMap((i) => i.lines);
  const shipped = lines
    .filter((l) => l.quantity.unit === required.unit)
    .reduce((s, l) => s.plus(l.quantity.value), new Decimal(0));
  const band = quantityBand(input, new Decimal(required.value), required.unit);
  const what = `${shipped.toFixed()} ${required.unit} invoiced against ${required.value}`;
  const out: Discrepancy[] = [];
  if (shipped.gt(band.high)) {
    out.push({ code: 'QUANTITY_EXCEEDED', article: band.article, field: '45A', message: what });
  }
  if (input.lc.partialShipments === 'NOT_ALLOWED' && shipped.lt(band.low)) {
    out.push({ code: 'QUANTITY_SHORT', article: band.article, field: '43P', message: what });
  }
  return out;
};
