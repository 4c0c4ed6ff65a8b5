import type { FreightInvoice } from '../../core/model/documents/logistics-freight-invoice.schema';
import type { Party } from '../../core/model/values/party.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import { element, segments, type X12Message, type X12Segment } from '../codecs/x12';
import { readCarrierSettings } from '../carrier-edifact/carrier-settings.schema';
import { compact } from '../carrier-edifact/shipment-event.builder';
import { reportedContainer } from '../x12-315/x12-container';
import {
  beginningSegment,
  mappingError,
  optional,
  required,
  unique,
} from '../x12-warehouse/x12-read.helpers';
import {
  chargesOf,
  currencyOf,
  freightPaymentOf,
  impliedCents,
  partiesOf,
} from './x12-freight.read';
import { measuresOf, sumAmounts } from './x12-freight.totals';

/** CCYYMMDD as an ISO date, or a located error. */
export function isoDate(seg: X12Segment, position: number, what: string): string {
  const raw = required(seg, position, what);
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  const iso = m && `${m[1]}-${m[2]}-${m[3]}`;
  if (
    !iso ||
    Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ||
    new Date(iso).toISOString().slice(0, 10) !== iso
  )
    throw mappingError(
      seg,
      `${seg.tag}${String(position).padStart(2, '0')} '${raw}' is not a date CCYYMMDD`,
    );
  return iso;
}

/** N9 values of one qualifier, in order, without repeats. */
export function n9Values(segs: readonly X12Segment[], qualifier: string): string[] {
  return unique(
    segs
      .filter((s) => s.tag === 'N9' && element(s, 1) === qualifier)
      .map((s) => optional(s, 2))
      .filter((v): v is string => v !== undefined),
  );
}

/** N7 equipment (N701 initial + N702 number) that are ISO 6346 containers. */
export function containersOf(segs: readonly X12Segment[], warnings: string[]): string[] {
  const nos = segs
    .filter((s) => s.tag === 'N7' && optional(s, 2))
    .map((n7) => reportedContainer(`${optional(n7, 1) ?? ''}${optional(n7, 2)}`, warnings));
  return unique(nos.filter((n): n is string => n !== undefined));
}

/** The carrier: its N1 CA loop, else the SCAC (named as the partner record names it). */
export function carrierOf(
  parties: Map<string, Party>,
  carrier: { scac?: string; name?: string },
  anchor: X12Segment,
): Party {
  const named = parties.get('CA');
  if (named) return named;
  const scac = carrier.scac;
  if (!scac) throw mappingError(anchor, 'neither an N1 CA loop nor a SCAC names the carrier');
  return {
    name: carrier.name ?? scac,
    identifiers: [{ scheme: 'OTHER' as const, value: scac, issuer: 'SCAC' }],
  };
}

// G62 date qualifiers (X12 432): 11 shipped on, 86 actual pick-up; 35 delivered on.
const SHIPPED = ['11', '86'];
const DELIVERED = ['35'];

function g62Date(segs: readonly X12Segment[], qualifiers: string[]): string | undefined {
  const g62 = segs.find((s) => s.tag === 'G62' && qualifiers.includes(element(s, 1)));
  return g62 && isoDate(g62, 2, 'date');
}

/**
 * X12 210 (motor carrier freight details and invoice) -> FreightInvoice. B302 invoice number,
 * B303 the carrier's shipment number (PRO), B304 method of payment, B306 the invoice date,
 * B307 the net amount due, B309/B310 035 the delivery date, B311 the SCAC; C3 the currency
 * (none: USD, as US motor carriers bill, with a warning); N9 BM/BN/PO references; N1 parties;
 * L1 charges and L3 totals. Amounts are X12 N2 (two implied decimals): '184500' is 1845.00.
 */
export const x12FreightInvoiceMapping: InboundMapping<X12Message> = {
  id: 'x12-210-freight-invoice',
  format: 'x12',
  messageTypes: ['210'],
  toCanonical(message, ctx): MappingResult {
    const settings = readCarrierSettings(ctx);
    const warnings: string[] = [];
    const { set } = message.tree;
    const b3 = beginningSegment(set, 'B3');
    const segs = [...segments(set.body)];
    const c3 = segs.find((s, at) => s.tag === 'C3' && segs[at - 1]?.tag !== 'L1');
    if (!c3) warnings.push('no C3: amounts read as USD, the currency US motor carriers bill in');
    const currency = c3 ? currencyOf(c3) : 'USD';
    const charges = chargesOf(segs, currency);
    if (charges.length === 0) throw mappingError(b3, '210 bills no charge (no L1 with L104)');
    const l3 = segs.find((s) => s.tag === 'L3');
    const total = (l3 && impliedCents(l3, 5)) ?? impliedCents(b3, 7) ?? sumAmounts(charges);
    if (total !== sumAmounts(charges))
      warnings.push(
        `charges add up to ${sumAmounts(charges)} ${currency}, the invoice says ${total}`,
      );
    const parties = partiesOf(segs);
    const scac = optional(b3, 11) ?? settings.carrierCode;
    const delivered = element(b3, 10) === '035' ? optional(b3, 9) : undefined;
    const invoice: FreightInvoice = compact({
      invoiceNo: required(b3, 2, 'invoice number'),
      issueDate: isoDate(b3, 6, 'invoice date'),
      carrier: carrierOf(parties, { scac, name: settings.carrierName }, b3),
      carrierCode: scac,
      billTo: parties.get('BT'),
      shipper: parties.get('SH'),
      consignee: parties.get('CN'),
      shipmentNo: optional(b3, 3),
      blNo: n9Values(segs, 'BM')[0],
      bookingNos: n9Values(segs, 'BN'),
      orderNos: n9Values(segs, 'PO'),
      containerNos: containersOf(segs, warnings),
      freightPayment: freightPaymentOf(optional(b3, 4)),
      shipmentDate: g62Date(segs, SHIPPED),
      deliveryDate: delivered ? isoDate(b3, 9, 'delivery date') : g62Date(segs, DELIVERED),
      measures: l3 && measuresOf(l3, warnings),
      currency,
      charges,
      totalAmount: { amount: total, currency },
    });
    return {
      documents: [
        {
          documentType: 'FreightInvoice',
          eventType: 'logistics.freight-invoice.received',
          payload: invoice,
        },
      ],
      warnings,
    };
  },
};
