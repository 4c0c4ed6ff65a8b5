import type { BillOfLading } from '../../core/model/documents/logistics-document.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import { element, segments, type X12Message, type X12Segment } from '../codecs/x12';
import { readCarrierSettings } from '../carrier-edifact/carrier-settings.schema';
import { compact } from '../carrier-edifact/shipment-event.builder';
import { carrierOf, isoDate, n9Values } from '../x12-210/x12-210.mapping';
import { freightPaymentOf, partiesOf } from '../x12-210/x12-freight.read';
import { beginningSegment, mappingError, optional } from '../x12-warehouse/x12-read.helpers';
import { containerOf, packagesOf, portOf, vesselOf, volumeM3, weightKg } from './x12-310.reads';

type Cargo = BillOfLading['cargo'][number];
type Container = BillOfLading['containers'][number];

/** Each N7 with the M7 seals right after it. */
function containersOf(segs: readonly X12Segment[], warnings: string[]): Container[] {
  const out: Container[] = [];
  segs.forEach((n7, at) => {
    if (n7.tag !== 'N7') return;
    const seals: string[] = [];
    for (let k = at + 1; segs[k]?.tag === 'M7'; k++)
      for (const p of [1, 2, 3, 4]) if (optional(segs[k], p)) seals.push(optional(segs[k], p)!);
    const container = containerOf(n7, seals, warnings);
    if (container) out.push(container);
  });
  return out;
}

/**
 * Each L0 (line item: L004 weight, L006 volume, L008/L009 packages) with its description: the
 * L5 texts (L502) that follow it, joined as the carrier wrapped them.
 */
function cargoOf(segs: readonly X12Segment[], warnings: string[]): Cargo[] {
  const out: Cargo[] = [];
  segs.forEach((l0, at) => {
    if (l0.tag !== 'L0') return;
    const texts: string[] = [];
    for (let k = at + 1; k < segs.length && !['L0', 'LX', 'L3'].includes(segs[k].tag); k++)
      if (segs[k].tag === 'L5' && optional(segs[k], 2)) texts.push(element(segs[k], 2));
    const description = texts.join('').replace(/\s+/g, ' ').trim();
    const grossWeightKg = element(l0, 5) === 'G' ? weightKg(l0, 4, 11) : undefined;
    if (!description || !grossWeightKg) {
      warnings.push(`L0 at segment ${l0.ordinal} has no description or gross weight, left out`);
      return;
    }
    out.push(
      compact({
        description,
        packages: packagesOf(l0, warnings),
        grossWeightKg,
        volumeM3: volumeM3(l0, 6, 7),
      }),
    );
  });
  return out;
}

/** B2A01 transaction set purpose: 01 cancellation voids the B/L; 00 original, 04 change issue it. */
function statusOf(b2a: X12Segment | undefined, onBoard: string | undefined, warnings: string[]) {
  if (b2a && element(b2a, 1) === '01') return 'VOID' as const;
  if (onBoard) return 'ISSUED' as const;
  warnings.push('no loading date at the R4 L port: the B/L is read as a DRAFT');
  return 'DRAFT' as const;
}

/** DTM 140 (actual) after the R4 with function `fn`: the actual date at that port. */
function actualDateAt(segs: readonly X12Segment[], fn: string): string | undefined {
  const at = segs.findIndex((s) => s.tag === 'R4' && element(s, 1) === fn);
  if (at < 0) return undefined;
  for (let k = at + 1; segs[k]?.tag === 'DTM'; k++)
    if (element(segs[k], 1) === '140') return isoDate(segs[k], 2, 'date');
  return undefined;
}

function required<T>(value: T | undefined, anchor: X12Segment, message: string): T {
  if (value === undefined) throw mappingError(anchor, message, 'X12_MISSING_ELEMENT');
  return value;
}

/**
 * X12 310 (freight receipt and invoice, ocean) -> BillOfLading. N9 BM (else B303) the B/L
 * number, N9 BN the bookings; B2A01 the purpose (01 cancellation: VOID); B306 the issue date;
 * B311 the SCAC; V1 the vessel; N1 SH/CN/N1/CA the parties; R4 R/L/D/E the places, with DTM 140
 * at the port of loading as the shipped-on-board date; N7 + M7 the containers and seals; L0 +
 * L5 the cargo. The L1 charges are the carrier's freight bill and not part of the B/L.
 */
export const x12BillOfLadingMapping: InboundMapping<X12Message> = {
  id: 'x12-310-bill-of-lading',
  format: 'x12',
  messageTypes: ['310'],
  toCanonical(message, ctx): MappingResult {
    const settings = readCarrierSettings(ctx);
    const warnings: string[] = [];
    const { set } = message.tree;
    const b3 = beginningSegment(set, 'B3');
    const segs = [...segments(set.body)];
    const r4s = segs.filter((s) => s.tag === 'R4');
    const parties = partiesOf(segs);
    const scac = optional(b3, 11) ?? settings.carrierCode;
    const onBoard = actualDateAt(segs, 'L');
    const notify = ['N1', 'N2'].map((q) => parties.get(q)).filter((p) => p !== undefined);
    const bookingNos = n9Values(segs, 'BN');
    if (bookingNos.length === 0) throw mappingError(b3, 'no N9 BN names the booking');
    const cargo = cargoOf(segs, warnings);
    if (cargo.length === 0) throw mappingError(b3, 'no L0 line describes the goods');
    const bl: BillOfLading = compact({
      blNo: required(n9Values(segs, 'BM')[0] ?? optional(b3, 3), b3, 'no N9 BM or B303 B/L number'),
      status: statusOf(
        segs.find((s) => s.tag === 'B2A'),
        onBoard,
        warnings,
      ),
      bookingNos,
      carrier: carrierOf(parties, { scac, name: settings.carrierName }, b3),
      carrierCode: scac,
      vessel: vesselOf(
        segs.find((s) => s.tag === 'V1'),
        scac,
      ),
      shippedOnBoardDate: onBoard,
      issueDate: optional(b3, 6) && isoDate(b3, 6, 'date'),
      shipper: required(parties.get('SH'), b3, 'no N1 SH loop names the shipper'),
      consignee: parties.get('CN'),
      notifyParties: notify,
      placeOfReceipt: portOf(r4s, 'R', warnings),
      portOfLoading: required(portOf(r4s, 'L', warnings), b3, 'no R4 L port of loading'),
      portOfDischarge: required(portOf(r4s, 'D', warnings), b3, 'no R4 D port of discharge'),
      placeOfDelivery: portOf(r4s, 'E', warnings),
      transportDocumentType: 'BOL',
      containers: [],
      freightPayment: freightPaymentOf(optional(b3, 4)),
      cargo,
    });
    // Kept when empty: the model always lists the containers (none on a break-bulk B/L).
    bl.containers = containersOf(segs, warnings);
    return {
      documents: [
        { documentType: 'BillOfLading', eventType: 'logistics.bill-of-lading.issued', payload: bl },
      ],
      warnings,
    };
  },
};
