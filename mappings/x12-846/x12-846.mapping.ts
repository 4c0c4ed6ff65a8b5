import type { WarehouseInventory } from '../../core/model/documents/warehouse.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import {
  element,
  loopsAt,
  reference,
  segmentAt,
  segmentsAt,
  type X12Loop,
  type X12Message,
  type X12Segment,
} from '../codecs/x12';
import {
  beginningSegment,
  dateTimeAt,
  mappingError,
  optional,
  productId,
} from '../x12-warehouse/x12-read.helpers';
import { warehouseCodeFromN1, warehouseCodeOf } from '../x12-warehouse/x12-warehouse-party.helpers';
import {
  warehouseSettings,
  type X12WarehouseSettings,
} from '../x12-warehouse/x12-warehouse-settings.schema';
import { quantitiesOf, type InventoryQuantities } from './x12-846.quantities';

type Item = WarehouseInventory['items'][number];
type Identity = Omit<Item, keyof InventoryQuantities>;

// LIN 02/03, 04/05 ... 30/31: (product id qualifier, product id) pairs.
const LIN_PAIRS = Array.from({ length: 15 }, (_, i) => 2 + i * 2);

/** SKU, lot (LIN LT pair or REF LT) and DTM 036 expiration date of one LIN loop. */
function itemIdentity(lin: X12Loop, settings: X12WarehouseSettings): Identity {
  const seg = lin.nodes[0] as X12Segment;
  const sku = productId(seg, LIN_PAIRS, settings.skuQualifier);
  if (!sku) throw mappingError(seg, `LIN carries no ${settings.skuQualifier} product id (the SKU)`);
  const item: Identity = { sku };
  const batchNo = productId(seg, LIN_PAIRS, 'LT') ?? reference(lin.nodes, 'LT');
  if (batchNo) item.batchNo = batchNo;
  const expiry = segmentsAt(lin.nodes, 'DTM').find((d) => element(d, 1) === '036');
  const date = expiry && optional(expiry, 2);
  if (date) {
    if (!/^\d{8}$/.test(date))
      throw mappingError(expiry, `expiration date '${date}' is not CCYYMMDD`);
    item.expiryDate = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
  }
  return item;
}

/**
 * X12 846 Inventory Inquiry/Advice -> WarehouseInventory, one snapshot per warehouse. Stock
 * at the LIN level belongs to the warehouse of the header N1 (WH/SF/RL); an N1 loop inside a
 * LIN reports that SKU for another warehouse. QTY qualifiers: see x12-846.quantities.ts.
 */
export const x12Warehouse846Mapping: InboundMapping<X12Message> = {
  id: 'x12-846-inventory-advice',
  format: 'x12',
  messageTypes: ['846'],
  toCanonical(message, ctx): MappingResult {
    const settings = warehouseSettings(ctx);
    const { set, interchange } = message.tree;
    const bia = beginningSegment(set, 'BIA');
    const snapshotAt = dateTimeAt(bia, 4, 5, settings.timeZone);
    const warnings: string[] = [];
    const byWarehouse = new Map<string, Item[]>();
    const add = (code: string, item: Item) =>
      byWarehouse.set(code, [...(byWarehouse.get(code) ?? []), item]);
    const lins = loopsAt(set.body, 'LIN');
    for (const lin of lins) {
      const identity = itemIdentity(lin, settings);
      const qtys = loopsAt(lin.nodes, 'QTY').map((q) => q.nodes[0] as X12Segment);
      const places = loopsAt(lin.nodes, 'N1');
      if (qtys.length || places.length === 0) {
        const code = warehouseCodeOf(set.body, settings, bia);
        add(code, {
          ...identity,
          ...quantitiesOf(
            qtys,
            lin.nodes[0] as X12Segment,
            settings,
            interchange.delimiters,
            warnings,
          ),
        });
      }
      for (const place of places) {
        const n1 = place.nodes[0] as X12Segment;
        const q = quantitiesOf(
          segmentsAt(place.nodes, 'QTY'),
          n1,
          settings,
          interchange.delimiters,
          warnings,
        );
        add(warehouseCodeFromN1(n1, settings), { ...identity, ...q });
      }
    }
    const ctt = segmentAt(set.body, 'CTT');
    if (ctt && Number(element(ctt, 1)) !== lins.length) {
      warnings.push(`CTT01 says ${element(ctt, 1)} line items, the set has ${lins.length} LIN`);
    }
    const documents = [...byWarehouse].map(([warehouseCode, items]) => ({
      documentType: 'WarehouseInventory',
      eventType: 'warehouse.inventory.snapshot',
      payload: {
        provider: settings.provider,
        warehouseCode,
        snapshotAt,
        items,
      } satisfies WarehouseInventory,
      occurredAt: snapshotAt,
    }));
    return { documents, warnings: warnings.map((w) => `846 ${set.controlNumber} ${w}`) };
  },
};
