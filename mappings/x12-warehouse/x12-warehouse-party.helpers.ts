import { element, partyLoop, type X12Node, type X12Segment } from '../codecs/x12';
import { mappingError } from './x12-read.helpers';
import type { X12WarehouseSettings } from './x12-warehouse-settings.schema';

// N101 entity codes a 3PL uses for its own warehouse: WH warehouse, SF ship from, RL reporting
// location (846). Checked in this order.
const WAREHOUSE_ENTITIES = ['WH', 'SF', 'RL'];

/**
 * Our warehouse code for the 3PL's N1 loop (N104 = the partner's code, see settings
 * `warehouses`). A message without such an N1 is taken as coming from the partner's only
 * warehouse; with several configured, it is an error at `anchor` (the beginning segment).
 */
export function warehouseCodeOf(
  nodes: X12Node[],
  settings: Pick<X12WarehouseSettings, 'warehouses'>,
  anchor: X12Segment,
): string {
  for (const entity of WAREHOUSE_ENTITIES) {
    const loop = partyLoop(nodes, entity);
    if (!loop) continue;
    return warehouseCodeFromN1(loop.nodes[0] as X12Segment, settings);
  }
  if (settings.warehouses.length === 1) return settings.warehouses[0].warehouseCode;
  throw mappingError(anchor, 'no N1 WH/SF loop names the warehouse, and the partner has several');
}

/** Our warehouse code for an N1 segment's N104, or a located error. */
export function warehouseCodeFromN1(
  n1: X12Segment,
  settings: Pick<X12WarehouseSettings, 'warehouses'>,
): string {
  const code = element(n1, 4);
  const byCode = settings.warehouses.find((w) => code !== '' && w.partnerCode === code);
  if (byCode) return byCode.warehouseCode;
  if (code === '' && settings.warehouses.length === 1) return settings.warehouses[0].warehouseCode;
  throw mappingError(
    n1,
    code === ''
      ? 'N104 (warehouse code) is required when the partner has several warehouses'
      : `warehouse '${code}' is not in the partner settings (warehouses)`,
    'X12_WAREHOUSE',
  );
}
