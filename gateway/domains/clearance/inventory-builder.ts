import { randomUUID } from 'node:crypto';
import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import type { ExportDeclaration } from '../../../core/model/documents/customs-declaration.schema';
import type { Booking } from '../../../core/model/documents/logistics-booking.schema';
import { partyId } from '../../../core/model/values/party.schema';
import type { CebMessageInput } from '../../../mappings/codecs/cn-customs/ceb-write';
import { ceb603, type CebParty } from '../../../mappings/cn-customs-outbound';
import { countryToDeclaration, unitToRec20 } from '../../../mappings/customs-codes';
import { exportOf, type DeclarationRow } from './clearance.repository';
import { senderOf, type ClearanceSettings } from './clearance.settings';

const guid = () => randomUUID().toUpperCase();

/** Who is who on an order's CEB messages. */
export interface CebParties {
  platform: CebParty;
  seller: CebParty;
  owner: CebParty;
  carrier: CebParty;
  /** The parcel's waybill number, the same on CEB505 and CEB603. */
  logisticsNo: string;
}

/**
 * The platform is the e-commerce platform and declaring agent, the client (or the platform as
 * exporter of record, the client then being the owner) the seller.
 */
export function cebPartiesOf(
  row: DeclarationRow,
  order: SalesOrder,
  booking: Booking,
  s: ClearanceSettings,
): CebParties {
  const d = exportOf(row);
  const seller: CebParty = {
    code: partyId(d.consignor, 'CUSTOMS') ?? s.platform.code,
    name: d.consignor.name,
  };
  const owner: CebParty = d.owner
    ? {
        code: partyId(d.owner, 'CUSTOMS') ?? partyId(d.owner, 'USCC') ?? seller.code,
        name: d.owner.name,
      }
    : seller;
  return {
    platform: { code: s.platform.code, name: s.platform.name },
    seller,
    owner,
    carrier: {
      code: booking.carrierCode ?? s.platform.code,
      name: booking.carrierCode ?? s.platform.name,
    },
    logisticsNo: booking.bookingNo ?? booking.bookingRequestRef ?? order.orderNo,
  };
}

/** The CEB603 export list of an e-commerce order (9610, 9710, 9810), from its validated draft. */
export function inventoryFor(
  row: DeclarationRow,
  order: SalesOrder,
  booking: Booking,
  s: ClearanceSettings,
): CebMessageInput {
  const d = exportOf(row);
  const { platform, seller, owner, carrier, logisticsNo } = cebPartiesOf(row, order, booking, s);
  const currency = order.currency;
  return ceb603({
    head: { guid: guid(), appTime: new Date() },
    messageGuid: guid(),
    sender: senderOf(s),
    customsCode: d.customsCode,
    portCode: d.portCustomsCode,
    platform,
    seller,
    owner,
    agent: platform,
    carrier,
    orderNo: order.orderNo,
    logisticsNo,
    copNo: row.clientRef,
    tradeMode: d.supervisionMode,
    exportDate: new Date().toISOString().slice(0, 10),
    transportMode: d.transportMode,
    conveyanceName: d.conveyanceName,
    voyageNo: d.voyageNo,
    blNo: d.blNo,
    destinationCountry: d.destinationCountry,
    destinationPort: countryToDeclaration(d.destinationCountry, 'destinationCountry'),
    freight: order.freight ?? { amount: '0', currency },
    insuredFee: order.insurance ?? { amount: '0', currency },
    // CEB wrapType is one character (the official sample sends 1); cartons as 2 (?).
    packageType: '2',
    packageCount: d.packageCount,
    grossWeightKg: d.grossWeightKg,
    netWeightKg: d.netWeightKg,
    lines: inventoryLines(d.lines, order),
  });
}

/**
 * The goods lines of an inventory list (CEB603 export, CEB621 import) from the declaration's
 * lines, item numbers and names from the order's, units in UN/ECE Rec 20.
 */
export function inventoryLines(
  lines: readonly ExportDeclaration['lines'][number][],
  order: SalesOrder,
) {
  return lines.map((l, i) => ({
    lineNo: l.lineNo,
    itemNo: order.lines[i]?.sku ?? String(l.lineNo),
    itemName: order.lines[i]?.description,
    hsCode: l.hsCode,
    goodsName: l.goodsName,
    declarationElements: l.declarationElements ?? '',
    originCountry: l.originCountry,
    quantity: {
      value: l.quantity.value,
      unit: unitToRec20(l.quantity.unit, `lines[${i}].quantity.unit`),
    },
    firstQuantity: {
      value: l.firstQuantity.value,
      unit: unitToRec20(l.firstQuantity.unit, `lines[${i}].firstQuantity.unit`),
    },
    ...(l.secondQuantity
      ? {
          secondQuantity: {
            value: l.secondQuantity.value,
            unit: unitToRec20(l.secondQuantity.unit, `lines[${i}].secondQuantity.unit`),
          },
        }
      : {}),
    unitPrice: l.declaredUnitPrice,
    total: l.declaredTotal,
  }));
}
