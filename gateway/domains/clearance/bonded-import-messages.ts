import { randomUUID } from 'node:crypto';
import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import type { CebMessageInput } from '../../../mappings/codecs/cn-customs/ceb-write';
import {
  ceb311FromOrder,
  ceb621,
  ceb623,
  type ImportBuyer,
} from '../../../mappings/cn-customs-outbound';
import type { DeclarationRow } from './clearance.repository';
import { senderOf, type ClearanceSettings } from './clearance.settings';
import { inventoryLines } from './inventory-builder';
import type { BondedImportSetup } from './rules/bonded-import-draft';
import { partyId } from '../../../core/model/values/party.schema';

const guid = () => randomUUID().toUpperCase();

/** The consignee's address on one line, as CEB311/CEB621 consigneeAddress takes it. */
function addressOf(order: SalesOrder): string {
  const a = order.shipTo ?? order.buyer.address;
  return [a?.region, a?.city, ...(a?.lines ?? [])].filter(Boolean).join(' ');
}

/**
 * The buyer as customs sees it: the identity the order carries (checked by the draft), the
 * buyer's platform account as its registration number. taxTotal is 0: the XSD's "no tax
 * withheld in advance" (the bonded warehouse collects it on release).
 */
function importBuyerOf(order: SalesOrder): ImportBuyer {
  const id = order.buyer.identity!;
  return {
    regNo: order.buyer.identifiers?.[0]?.value ?? id.telephone,
    name: id.name,
    telephone: id.telephone,
    idType: id.idType,
    idNumber: id.idNumber,
    consigneeAddress: addressOf(order),
    taxTotal: '0',
  };
}

/** The client as the e-commerce enterprise (ebc), by its customs code. */
function sellerOf(row: DeclarationRow, s: ClearanceSettings) {
  // A 1210 bonded import keeps the export declaration's shape: its domestic trader is the consignor.
  const d = row.declaration;
  const c = 'consignor' in d ? d.consignor : d.consignee;
  return { code: partyId(c, 'CUSTOMS') ?? s.platform.code, name: c.name };
}

/**
 * The set of a 1210 bonded-import order, in filing order: the CEB311 order, then the CEB621
 * list, which customs checks against the order (and the carrier's CEB511 waybill) and whose
 * receipts move the declaration. The platform files both as the e-commerce platform and
 * declaring agent, for the client as the e-commerce enterprise.
 */
export function bondedImportMessagesFor(
  row: DeclarationRow,
  order: SalesOrder,
  setup: BondedImportSetup,
  s: ClearanceSettings,
): CebMessageInput[] {
  const d = row.declaration;
  const sender = senderOf(s);
  const platform = { code: s.platform.code, name: s.platform.name };
  const seller = sellerOf(row, s);
  const buyer = importBuyerOf(order);
  const orderMessage = ceb311FromOrder(order, buyer, {
    head: { guid: guid(), appTime: new Date() },
    messageGuid: guid(),
    platform,
    seller,
    sender,
  });
  const zero = { amount: '0', currency: order.currency };
  const list = ceb621({
    head: { guid: guid(), appTime: new Date() },
    messageGuid: guid(),
    sender,
    customsCode: d.customsCode,
    portCode: d.portCustomsCode,
    platform,
    seller,
    agent: platform,
    carrier: setup.carrier,
    area: { code: setup.areaCode, name: setup.areaName },
    orderNo: order.orderNo,
    // The zone carrier's waybill is numbered after the declaration reference (?): its CEB511
    // quotes the same number.
    logisticsNo: row.clientRef.slice(0, 20),
    copNo: row.clientRef,
    assureCode: setup.assureCode,
    emsNo: setup.emsNo,
    tradeMode: d.supervisionMode,
    declarationDate: new Date().toISOString().slice(0, 10),
    transportMode: d.transportMode,
    departureCountry: d.tradeCountry,
    freight: order.freight ?? zero,
    insuredFee: order.insurance ?? zero,
    packageCount: d.packageCount,
    grossWeightKg: d.grossWeightKg,
    netWeightKg: d.netWeightKg,
    buyer,
    lines: inventoryLines(d.lines, order),
  });
  return [orderMessage, list];
}

/**
 * The CEB623 withdrawal of a declared 1210 list (invtNo from customs' CEB622), naming the
 * order, parcel and buyer as the list did.
 */
export function bondedCancellationFor(
  row: DeclarationRow & { inventoryNo: string },
  order: SalesOrder,
  setup: BondedImportSetup,
  s: ClearanceSettings,
  reason: string,
): CebMessageInput {
  const platform = { code: s.platform.code, name: s.platform.name };
  return ceb623({
    head: { guid: guid(), appTime: new Date() },
    messageGuid: guid(),
    sender: senderOf(s),
    customsCode: row.declaration.customsCode,
    orderNo: order.orderNo,
    platform,
    seller: sellerOf(row, s),
    carrier: setup.carrier,
    logisticsNo: row.clientRef.slice(0, 20),
    copNo: row.clientRef,
    inventoryNo: row.inventoryNo,
    buyer: importBuyerOf(order),
    agent: platform,
    reason,
  });
}
