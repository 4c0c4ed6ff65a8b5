import type { FulfillmentOrder } from '../../core/model/documents/warehouse.schema';
import type { Address } from '../../core/model/values/party.schema';
import { seg, type X12Segment } from '../codecs/x12';
import type { X12WarehouseSettings } from '../x12-warehouse/x12-warehouse-settings.schema';
import { orderError, type TextFitter } from './x12-940.text';

/** N3 (two address lines each, at most two N3) and N4 city/state/postal code/country. */
function addressSegments(address: Address, pointer: string, fit: TextFitter): X12Segment[] {
  const lines = address.lines ?? [];
  if (lines.length > 4) throw orderError(`${pointer}/lines`, 'X12 carries at most 4 address lines');
  const out: X12Segment[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const pair = lines.slice(i, i + 2).map((l, k) => fit(l, 1, 55, `${pointer}/lines/${i + k}`));
    out.push(seg('N3', ...pair));
  }
  const city = address.city === undefined ? undefined : fit(address.city, 2, 30, `${pointer}/city`);
  // N402 is a 2-letter state or province code (element 156).
  const region =
    address.region === undefined ? undefined : fit(address.region, 2, 2, `${pointer}/region`);
  const postal =
    address.postalCode === undefined
      ? undefined
      : fit(address.postalCode, 3, 15, `${pointer}/postalCode`);
  out.push(seg('N4', city, region, postal, address.country));
  return out;
}

/** N1 loops: ST ship-to (the order's consignee), SF/WH the 3PL warehouse, BT/DE from settings. */
export function partySegments(
  order: FulfillmentOrder,
  settings: X12WarehouseSettings,
  fit: TextFitter,
): X12Segment[] {
  const { shipTo } = order;
  // N1 ST is what the 3PL ships to: an order received without one cannot be passed on.
  if (!shipTo) throw orderError('/shipTo', 'the order names no ship-to (N1 ST)');
  const out: X12Segment[] = [seg('N1', 'ST', fit(shipTo.name, 1, 60, '/shipTo/name'))];
  out.push(...addressSegments(shipTo.address, '/shipTo/address', fit));
  const contact = shipTo.contact;
  if (contact && (contact.name || contact.phone || contact.email)) {
    // PER IC information contact; TE telephone, EM e-mail.
    const phone = contact.phone ? ['TE', fit(contact.phone, 1, 80, '/shipTo/contact/phone')] : [];
    const email = contact.email ? ['EM', fit(contact.email, 1, 80, '/shipTo/contact/email')] : [];
    const name = contact.name ? fit(contact.name, 1, 60, '/shipTo/contact/name') : undefined;
    out.push(seg('PER', 'IC', name, ...phone, ...email));
  }
  const warehouse = settings.warehouses.find((w) => w.warehouseCode === order.warehouseCode);
  if (!warehouse) {
    throw orderError('/warehouseCode', `'${order.warehouseCode}' is not in the partner settings`);
  }
  out.push(
    seg(
      'N1',
      settings.warehouseEntity,
      warehouse.name,
      warehouse.idQualifier,
      warehouse.partnerCode,
    ),
  );
  if (warehouse.address) out.push(...addressSegments(warehouse.address, '/warehouseCode', fit));
  const billTo = settings.billTo;
  if (billTo) {
    out.push(seg('N1', billTo.entity, billTo.name, billTo.id && billTo.idQualifier, billTo.id));
    if (billTo.address) out.push(...addressSegments(billTo.address, '/billTo', fit));
  }
  return out;
}
