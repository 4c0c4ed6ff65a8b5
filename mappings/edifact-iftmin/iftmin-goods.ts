import Decimal from 'decimal.js';
import type { z } from 'zod';
import type {
  CargoItemSchema,
  EquipmentRequirementSchema,
  UtilizedContainerSchema,
} from '../../core/model/documents/logistics-common.schema';
import type { SegmentDraft } from '../codecs/edifact';
import { ftx, mea } from './iftmin-segments';
import { renderError, type TextRules } from './iftmin-text';

type CargoItem = z.infer<typeof CargoItemSchema>;
type EquipmentRequirement = z.infer<typeof EquipmentRequirementSchema>;
type UtilizedContainer = z.infer<typeof UtilizedContainerSchema>;

const sizeType = (iso: string | undefined) => (iso ? [iso, '102', '5'] : undefined);

/**
 * One GID group per cargo item (SG18): packages, HS code (PIA 5 ... HS), description (FTX AAA),
 * gross weight and volume (SG20 MEA), marks (SG23 PCI 28), the container it is stuffed in with
 * its package count (SG29 SGP) and dangerous goods (SG32 DGS IMD).
 */
export function goodsGroups(
  t: TextRules,
  cargo: readonly CargoItem[],
  pointer: string,
): SegmentDraft[] {
  return cargo.flatMap((item, i) => {
    const at = `${pointer}/${i}`;
    const p = item.packages;
    const out: SegmentDraft[] = [
      {
        tag: 'GID',
        elements: [
          String(i + 1),
          p
            ? [
                String(p.count),
                p.packageType,
                undefined,
                undefined,
                p.description && t.fits(p.description, 35, `${at}/packages/description`),
              ]
            : undefined,
        ],
      },
    ];
    if (item.hsCode) out.push({ tag: 'PIA', elements: ['5', [item.hsCode, 'HS']] });
    // D.96A allows nine FTX in the goods group.
    out.push(...ftx(t, 'AAA', item.description, 9, `${at}/description`));
    out.push(mea('G', 'KGM', item.grossWeightKg));
    if (item.volumeM3) out.push(mea('AAW', 'MTQ', item.volumeM3));
    if (item.marks)
      out.push({ tag: 'PCI', elements: ['28', t.pieces(item.marks, 35, 10, `${at}/marks`)] });
    if (item.containerNo) {
      out.push({ tag: 'SGP', elements: [[item.containerNo], p ? String(p.count) : undefined] });
    }
    const dg = item.dangerousGoods;
    if (dg)
      out.push({
        tag: 'DGS',
        elements: ['IMD', [t.fits(dg.imoClass, 7, `${at}/dangerousGoods/imoClass`)], [dg.unNumber]],
      });
    return out;
  });
}

/**
 * Requested equipment (SG37): an EQD per named container (EQN 1), one more for the units not
 * yet named; 8077 supplier 1 shipper / 2 carrier.
 */
export function requestedEquipment(equipment: readonly EquipmentRequirement[]): SegmentDraft[] {
  return equipment.flatMap((e) => {
    const supplier = e.isShipperOwned ? '1' : '2';
    const named = (e.containerNos ?? []).flatMap((no): SegmentDraft[] => [
      { tag: 'EQD', elements: ['CN', [no], sizeType(e.isoEquipmentCode), supplier] },
      { tag: 'EQN', elements: [['1']] },
    ]);
    const rest = e.units - (e.containerNos?.length ?? 0);
    if (rest <= 0) return named;
    return [
      ...named,
      { tag: 'EQD', elements: ['CN', undefined, sizeType(e.isoEquipmentCode), supplier] },
      { tag: 'EQN', elements: [[String(rest)]] },
    ];
  });
}

/**
 * Packed containers of an SI (SG37): EQD full export (8249 2, 8169 5), tare, VGM and gross
 * weight (MEA), seals (SEL ... CA, nine at most in D.96A).
 */
export function packedContainers(
  t: TextRules,
  containers: readonly UtilizedContainer[],
  pointer: string,
): SegmentDraft[] {
  return containers.flatMap((c, i) => {
    const seals = c.seals ?? [];
    if (seals.length > 9)
      throw renderError(`${pointer}/${i}/seals`, `${seals.length} seals, at most 9 fit`);
    return [
      {
        tag: 'EQD',
        elements: ['CN', [c.containerNo], sizeType(c.isoEquipmentCode), undefined, '2', '5'],
      },
      ...(c.tareWeightKg ? [mea('T', 'KGM', c.tareWeightKg)] : []),
      ...(c.vgmKg ? [mea('VGM', 'KGM', c.vgmKg)] : []),
      ...(c.grossWeightKg ? [mea('G', 'KGM', c.grossWeightKg)] : []),
      ...seals.map((s, j) => ({
        tag: 'SEL',
        elements: [t.fits(s, 10, `${pointer}/${i}/seals/${j}`), 'CA'],
      })),
    ];
  });
}

/** CNT totals: gross weight (7), packages (11), equipment (16). */
export function totals(cargo: readonly CargoItem[], equipmentCount: number): SegmentDraft[] {
  const gross = cargo.reduce((sum, c) => sum.plus(c.grossWeightKg), new Decimal(0));
  const packages = cargo.reduce((sum, c) => sum + (c.packages?.count ?? 0), 0);
  return [
    { tag: 'CNT', elements: [['7', gross.toFixed(), 'KGM']] },
    ...(packages ? [{ tag: 'CNT', elements: [['11', String(packages)]] }] : []),
    { tag: 'CNT', elements: [['16', String(equipmentCount)]] },
  ];
}
