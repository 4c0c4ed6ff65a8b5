import Decimal from 'decimal.js';
import type { TransportInstruction } from '../../core/model/documents/logistics-transport-instruction.schema';
import type { Party } from '../../core/model/values/party.schema';
import type { EdifactSegment, SegmentGroup } from '../codecs/edifact';
import { groupHeads } from '../carrier-edifact/message-header';
import { readParty } from '../carrier-edifact/party.reader';
import { compact } from '../carrier-edifact/shipment-event.builder';

type Unit = NonNullable<TransportInstruction['units']>[number];

// MEA/CNT 6411 units the model converts to kg and m3; others are left out with a warning.
const TO_KG: Readonly<Record<string, string>> = { KGM: '1', TNE: '1000', GRM: '0.001' };
const TO_M3: Readonly<Record<string, string>> = { MTQ: '1', DMQ: '0.001', LTR: '0.001' };
const DECIMAL = /^\d+(\.\d+)?$/;

/** A measure in the model's unit, or undefined (with a warning) when the unit is not known. */
export function measure(
  value: string | undefined,
  unit: string | undefined,
  table: Readonly<Record<string, string>>,
  at: EdifactSegment,
  warnings: string[],
): string | undefined {
  const v = value?.trim().replace(',', '.');
  if (!v || !DECIMAL.test(v)) return undefined;
  const factor = unit && Object.hasOwn(table, unit) ? table[unit] : undefined;
  if (!factor) {
    warnings.push(
      `segment ${at.index} ${at.tag}: unit ${unit ?? '(none)'} is not converted, value left out`,
    );
    return undefined;
  }
  return new Decimal(v).times(factor).toString();
}

/** CNT C270: 7 total gross weight, 11 total number of packages. */
export function readTotals(root: SegmentGroup, warnings: string[]) {
  const cnt = (q: string) => root.segments('CNT').find((c) => c.get(0, 0) === q);
  const weight = cnt('7');
  const packages = cnt('11')?.get(0, 1);
  return compact({
    totalGrossWeightKg:
      weight && measure(weight.get(0, 1), weight.get(0, 2), TO_KG, weight, warnings),
    totalPackages: packages && /^\d+$/.test(packages) ? Number(packages) : undefined,
  });
}

// COM 3155 channels: TE telephone, AL cellular phone, EM e-mail.
const PHONES = ['TE', 'AL'];

/** NAD with the contact of its CTA/COM group (SG12 in D.96A/D.00B, the same in S.93A). */
export function readPartyGroup(group: SegmentGroup): Party | undefined {
  const party = readParty(group.head as EdifactSegment);
  if (!party) return undefined;
  const cta = group.groups('CTA')[0];
  if (!cta) return party;
  const coms = cta.segments('COM');
  const com = (qualifiers: string[]) =>
    coms
      .find((c) => qualifiers.includes(c.get(0, 1) ?? ''))
      ?.get(0, 0)
      ?.trim();
  const email = com(['EM']);
  const contact = compact({
    name: cta.head?.get(1, 1)?.trim() || undefined,
    phone: com(PHONES),
    // An address the model would refuse is kept out of the contact, not the whole message.
    email: email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : undefined,
  });
  return Object.keys(contact).length ? { ...party, contact } : party;
}

/** The NAD groups by party function (3035), first of each. */
export function partiesByRole(root: SegmentGroup): Map<string, Party> {
  const out = new Map<string, Party>();
  for (const g of root.groups('NAD')) {
    const role = g.head?.get(0);
    const party = role && !out.has(role) ? readPartyGroup(g) : undefined;
    if (role && party) out.set(role, party);
  }
  return out;
}

/** Marks of a goods item: PCI C210 marks and GIN identity numbers (parcel ids, SSCCs). */
function marksOf(gid: SegmentGroup): string[] {
  const out: string[] = [];
  for (const pci of gid.groups('PCI')) {
    for (const mark of pci.head?.element(1) ?? []) if (mark.trim()) out.push(mark.trim());
    for (const gin of pci.segments('GIN'))
      for (const c of gin.elements.slice(1)) if (c[0]?.trim()) out.push(c[0].trim());
  }
  return [...new Set(out)];
}

/** One unit per goods item (GID group): packages, gross weight and volume (MEA), marks. */
export function readUnits(root: SegmentGroup, warnings: string[]): Unit[] {
  return root.groups('GID').map((gid) => {
    const head = gid.head as EdifactSegment;
    const count = head.get(1, 0);
    const meas = groupHeads(gid, 'MEA');
    const mea = (purpose: string, what?: string) =>
      meas.find((m) => m.get(0) === purpose && (!what || !m.get(1, 0) || m.get(1, 0) === what));
    const weight = mea('WT', 'G') ?? mea('AAE', 'G');
    const volume = mea('VOL') ?? mea('AAE', 'AAW');
    const marks = marksOf(gid);
    const text = gid.segments('FTX').flatMap((f) => f.element(3).map((t) => t.trim()));
    return compact({
      packageCount: count && /^\d+$/.test(count) ? Number(count) : undefined,
      packageType: head.get(1, 1)?.trim() || undefined,
      grossWeightKg: weight && measure(weight.get(2, 1), weight.get(2, 0), TO_KG, weight, warnings),
      volumeM3: volume && measure(volume.get(2, 1), volume.get(2, 0), TO_M3, volume, warnings),
      marks: marks.length ? marks : undefined,
      description: text.filter(Boolean).join(' ') || undefined,
    });
  });
}
