import type { ShippingInstruction } from '../../core/model/documents/logistics-document.schema';
import { isValidContainerNo } from '../../core/model/values/container-no';
import type { JsonNode } from '../json-support/json-node';
import { measure, TO_KG, TO_M3 } from '../dcsa-booking-2/booking-cargo';
import { VOLUME_UNITS, WEIGHT_UNITS } from '../dcsa-booking-2/booking-codes';
import { fromDcsaParty } from '../dcsa-booking-2/booking-party';
import { compact } from '../carrier-edifact/shipment-event.builder';

type CargoItem = ShippingInstruction['cargo'][number];
type Container = ShippingInstruction['containers'][number];

const FREIGHT = { PRE: 'PREPAID', COL: 'COLLECT' } as const;

/**
 * An equipment reference the SI may carry: a container with a valid ISO 6346 check digit.
 * Shippers do send wrong ones; the SI is kept without it and the warning names it.
 */
function checkedContainer(node: JsonNode, warnings: string[]): string | undefined {
  const ref = node.optStr('equipmentReference');
  if (ref === undefined || isValidContainerNo(ref)) return ref;
  const where = node.pointerOf('equipmentReference');
  warnings.push(`${where}: "${ref}" fails the ISO 6346 check digit, left out`);
  return undefined;
}

/** utilizedTransportEquipments -> containers with seals; shipping marks kept per container. */
function containersOf(root: JsonNode, warnings: string[]) {
  const marks = new Map<string, string>();
  const containers: Container[] = [];
  for (const ute of root.optItems('utilizedTransportEquipments')) {
    const containerNo = checkedContainer(ute, warnings);
    if (!containerNo) continue;
    const text = ute.optItems('shippingMarks').map((m) => m.text());
    if (text.length) marks.set(containerNo, text.join('\n'));
    const seals = ute.optItems('seals').map((s) => s.str('number'));
    containers.push(
      compact({
        containerNo,
        isoEquipmentCode: ute.optStr('ISOEquipmentCode'),
        seals,
      }),
    );
  }
  return { containers, marks };
}

/** consignmentItems[].cargoItems -> one canonical cargo item each, described by its item. */
function cargoOf(root: JsonNode, marks: Map<string, string>, warnings: string[]): CargoItem[] {
  return root.optItems('consignmentItems').flatMap((ci) => {
    const description = ci
      .optItems('descriptionOfGoods')
      .map((d) => d.text())
      .join('\n');
    const hsCodes = ci.optItems('HSCodes').map((h) => h.text());
    if (hsCodes.length > 1) warnings.push(`${ci.pointer}/HSCodes: only the first HS code is kept`);
    return ci.optItems('cargoItems').map((item) => {
      const containerNo = checkedContainer(item, warnings);
      const packaging = item.optObject('outerPackaging');
      const code = packaging?.optStr('packageCode');
      return compact({
        description: description || ci.fail('is required', 'descriptionOfGoods'),
        hsCode: hsCodes[0],
        packages: code
          ? {
              count: packaging!.count('numberOfPackages'),
              packageType: code,
              description: packaging!.optStr('description'),
            }
          : undefined,
        grossWeightKg:
          measure(item, 'cargoGrossWeight', WEIGHT_UNITS, TO_KG) ??
          item.fail('is required', 'cargoGrossWeight'),
        volumeM3: measure(item, 'cargoGrossVolume', VOLUME_UNITS, TO_M3),
        marks: containerNo ? marks.get(containerNo) : undefined,
        containerNo,
      });
    });
  });
}

/**
 * DCSA eBL 3.0 shipping instructions (the shipper's request) -> ShippingInstruction. The
 * bookings are the consignment items' carrierBookingReference; the ports are not in an SI (they
 * come from the booking). House B/Ls are the forwarder's own documents: counted in a warning.
 */
export function readShippingInstructions(root: JsonNode, warnings: string[]): ShippingInstruction {
  const parties = root.object('documentParties');
  const bookingNos = [
    ...new Set(root.optItems('consignmentItems').map((ci) => ci.str('carrierBookingReference'))),
  ];
  if (bookingNos.length === 0)
    root.fail('name at least one item with its booking', 'consignmentItems');
  const { containers, marks } = containersOf(root, warnings);
  const houseBls = root.optItems('houseBillOfLadings').length;
  if (houseBls) warnings.push(`${houseBls} house B/L(s) not mapped: the forwarder's own documents`);
  const freight = root.optCode('freightPaymentTermCode', ['PRE', 'COL'] as const);
  const originals =
    (root.optCount('numberOfOriginalsWithCharges') ?? 0) +
    (root.optCount('numberOfOriginalsWithoutCharges') ?? 0);
  const si = compact({
    bookingNos,
    transportDocumentType: root.code('transportDocumentTypeCode', ['BOL', 'SWB'] as const),
    isElectronic: root.optBool('isElectronic'),
    isToOrder: root.optBool('isToOrder'),
    numberOfOriginals: originals || undefined,
    freightPayment: freight && FREIGHT[freight],
    shipper: fromDcsaParty(parties.object('shipper')),
    consignee: parties.optObject('consignee') && fromDcsaParty(parties.object('consignee')),
    notifyParties: parties.optItems('notifyParties').map(fromDcsaParty),
    cargo: cargoOf(root, marks, warnings),
  });
  // compact() drops empty lists; an SI states its containers even when it has none yet.
  return { ...si, containers };
}
