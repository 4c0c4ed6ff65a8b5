import { randomUUID } from 'node:crypto';
import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import type { Booking } from '../../../core/model/documents/logistics-booking.schema';
import type { CebMessageInput } from '../../../mappings/codecs/cn-customs/ceb-write';
import { ceb303FromOrder, ceb505, ceb605 } from '../../../mappings/cn-customs-outbound';
import type { DeclarationRow } from './clearance.repository';
import { senderOf, type ClearanceSettings } from './clearance.settings';
import { cebPartiesOf, inventoryFor } from './inventory-builder';

/**
 * The cross-border e-commerce export modes and the CEB303 order kind each files (primer §1.3,
 * §10.3; XSD 2022-05 orderType). Every one files, per order, the order (CEB303), the parcel's
 * waybill (CEB505) and the export list (CEB603, its tradeMode the mode); 9610 lists are later
 * summed by CEB701 per period. 9710 and 9810 lists are the simplified path the primer gives for
 * small shipments (≤ RMB 5,000, no licence, inspection or tax); larger ones are declared as
 * ExportDeclarations; this service files those only as general trade (0110) declaration files.
 */
export const ECOMMERCE_EXPORT_MODES = {
  '9610': { orderType: 'E', label: 'cross-border B2C' },
  '9710': { orderType: 'B', label: 'B2B direct export' },
  '9810': { orderType: 'W', label: 'export to overseas warehouse' },
} as const;
export type EcommerceExportMode = keyof typeof ECOMMERCE_EXPORT_MODES;

export function isEcommerceExportMode(mode: string): mode is EcommerceExportMode {
  return Object.hasOwn(ECOMMERCE_EXPORT_MODES, mode);
}

const guid = () => randomUUID().toUpperCase();

/** Up to 200 characters of what the parcel holds, as CEB505 goodsInfo allows. */
function goodsInfo(order: SalesOrder): string {
  const text = order.lines.map((l) => `${l.description} ×${l.quantity.value}`).join('; ');
  return text.length <= 200 ? text : `${text.slice(0, 199)}…`;
}

/**
 * The CEB messages of one e-commerce export order, in the order they are filed: CEB303 order,
 * CEB505 waybill, CEB603 list. The list comes last because customs checks it against the
 * order and waybill it names (三单对碰).
 */
export function ecommerceMessagesFor(
  row: DeclarationRow,
  order: SalesOrder,
  booking: Booking,
  s: ClearanceSettings,
): CebMessageInput[] {
  const mode = row.supervisionMode;
  if (!isEcommerceExportMode(mode)) {
    throw new Error(`supervision mode ${mode} files no CEB e-commerce messages`);
  }
  const d = row.declaration;
  const parties = cebPartiesOf(row, order, booking, s);
  const sender = senderOf(s);
  const zero = { amount: '0', currency: order.currency };
  const orderMessage = ceb303FromOrder(order, {
    head: { guid: guid(), appTime: new Date() },
    messageGuid: guid(),
    platform: parties.platform,
    seller: parties.seller,
    sender,
    orderType: ECOMMERCE_EXPORT_MODES[mode].orderType,
  });
  const waybill = ceb505({
    head: { guid: guid(), appTime: new Date() },
    messageGuid: guid(),
    sender,
    carrier: parties.carrier,
    logisticsNo: parties.logisticsNo,
    freight: order.freight ?? zero,
    insuredFee: order.insurance ?? zero,
    grossWeightKg: d.grossWeightKg,
    packageCount: d.packageCount,
    goodsInfo: goodsInfo(order),
    seller: parties.seller,
  });
  return [orderMessage, waybill, inventoryFor(row, order, booking, s)];
}

/**
 * The CEB605 withdrawal of an order's declared list (invtNo from customs' CEB604), declared by
 * the platform as agent for the seller, as the list was.
 */
export function cancellationFor(
  row: DeclarationRow & { inventoryNo: string },
  order: SalesOrder,
  booking: Booking,
  s: ClearanceSettings,
  reason: string,
): CebMessageInput {
  const parties = cebPartiesOf(row, order, booking, s);
  return ceb605({
    head: { guid: guid(), appTime: new Date() },
    messageGuid: guid(),
    sender: senderOf(s),
    customsCode: row.declaration.customsCode,
    copNo: row.clientRef,
    inventoryNo: row.inventoryNo,
    reason,
    agent: parties.platform,
    seller: parties.seller,
  });
}
