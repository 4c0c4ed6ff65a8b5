import Decimal from 'decimal.js';
import { roundToMinor } from '../../../../core/model/values/money';
import type { Money } from '../../../../core/model/values/money.schema';
import type { FreightInvoice } from '../../../../core/model/documents/logistics-freight-invoice.schema';
import type { Billable } from './metering';

/**
 * A shipment named the carrier's way: one carrier's B/L or booking number is one shipment
 * (`BL:<carrier>:<no>`, `BKG:<carrier>:<no>`, as the logistics timeline scopes them), so two
 * carriers' equal numbers never meet.
 */
export function shipmentKey(carrier: string, kind: 'BL' | 'BKG', no: string): string {
  return `${kind}:${carrier.trim().toUpperCase()}:${no.trim().toUpperCase()}`;
}

/** The keys a carrier's freight bill names its shipment by: its B/L and its bookings. */
export function invoiceKeys(inv: FreightInvoice, carrier: string): string[] {
  return [
    ...(inv.blNo ? [shipmentKey(carrier, 'BL', inv.blNo)] : []),
    ...(inv.bookingNos ?? []).map((b) => shipmentKey(carrier, 'BKG', b)),
  ];
}

/** Freight the platform sold its client for one shipment. */
export interface FreightSale {
  clientId: string;
  shipmentKey: string;
  sold: Money;
  soldAt: string;
  /** The first margin line metered for the shipment; null before. */
  meteredRef: string | null;
}

/** A carrier's bill for the shipment (bought freight), in the sale's currency. */
export interface BoughtFreight {
  invoiceNo: string;
  billed: Money;
  inSaleCurrency: Money;
  /** The rate used, when the bill is in another currency than the sale. */
  rate?: string;
  occurredAt: string;
}

/** `m` in `currency` at `rate` (units of `currency` per unit of m's), to the minor unit. */
export function convert(m: Money, currency: string, rate?: string): Money | undefined {
  if (m.currency === currency) return m;
  if (!rate) return undefined;
  return roundToMinor({ amount: new Decimal(m.amount).times(rate).toFixed(), currency });
}

const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);
const describe = (b: BoughtFreight) =>
  `${b.invoiceNo} ${b.billed.currency} ${b.billed.amount}${b.rate ? ` at ${b.rate}` : ''}`;

/**
 * The freight margin line for bills not counted yet. The first line of a shipment is sold -
 * bought (ref: the shipment key); a bill arriving after it (a surcharge, a second leg) lowers
 * the margin by its amount (ref: key + invoice numbers). Its time is the later of the sale and
 * the bills, so the month does not depend on which arrived first.
 */
export function freightMarginLine(sale: FreightSale, bought: readonly BoughtFreight[]): Billable {
  const currency = sale.sold.currency;
  const sum = bought.reduce((s, b) => s.plus(b.inSaleCurrency.amount), new Decimal(0));
  const first = sale.meteredRef === null;
  const margin = first ? new Decimal(sale.sold.amount).minus(sum) : sum.neg();
  const bills = bought.map(describe).join(', ');
  return {
    service: 'FREIGHT_MARGIN',
    ref: first
      ? sale.shipmentKey
      : `${sale.shipmentKey}+${bought.map((b) => b.invoiceNo).join('+')}`,
    occurredAt: bought.reduce((t, b) => later(t, b.occurredAt), sale.soldAt),
    margin: roundToMinor({ amount: margin.toFixed(), currency }),
    basis: first
      ? `sold ${currency} ${sale.sold.amount} - bought ${currency} ${sum.toFixed(2)} (${bills})`
      : `bought later ${currency} ${sum.toFixed(2)} (${bills})`,
  };
}
