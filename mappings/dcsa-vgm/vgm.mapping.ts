import Decimal from 'decimal.js';
import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import { isValidContainerNo } from '../../core/model/values/container-no';
import { compact } from '../carrier-edifact/shipment-event.builder';
import { jsonMapping } from '../json-support/json-mapping';
import type { JsonNode } from '../json-support/json-node';
import { dateTime, decimalOf, optDateTime, optUnLocode } from '../json-support/json-values';

/** DCSA VGM 1.0: a POST of VGM declarations (shipper or terminal to carrier). */
export const DCSA_VGM_DECLARATIONS = 'dcsa.vgm.declarations';

// DCSA weight units: KGM kilograms, LBR pounds (exact factor, 3 decimals as VERMAS).
const KG_PER_UNIT: Record<string, string> = { KGM: '1', LBR: '0.45359237' };

/**
 * DCSA VGM 1.0 declarations -> one ShipmentEvent each, as VERMAS maps: SHIPMENT SUBM with
 * documentTypeCode VGM, the container, its booking and B/L, the mass in `vgm`. A retracted
 * declaration (isRetracted) retracts the event with its declarationReference.
 */
export const dcsaVgmMapping = jsonMapping<ShipmentEvent>({
  id: 'dcsa-vgm-1-declarations',
  messageType: DCSA_VGM_DECLARATIONS,
  documentType: 'ShipmentEvent',
  eventType: 'logistics.shipment.status',
  read: ({ root, warnings }) =>
    root
      .at('VGMDeclarations')
      .items()
      .map((d) => declaration(d, warnings)),
  occurredAt: (event) => event.eventDateTime,
});

function declaration(d: JsonNode, warnings: string[]): ShipmentEvent {
  const ref = d.str('declarationReference');
  const vgm = d.object('VGM');
  const equipment = d.object('equipmentDetails');
  const containerNo = equipment.str('equipmentReference');
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(containerNo))
    equipment.fail(`"${containerNo}" is not an ISO 6346 container number`, 'equipmentReference');
  if (!isValidContainerNo(containerNo))
    warnings.push(
      `${equipment.pointerOf('equipmentReference')}: ${containerNo} fails the ISO 6346 check digit, kept as sent`,
    );
  const shipment = d.optObject('shipmentDetails');
  const vessel = d.optObject('vesselVoyageDetails');
  const place = vgm.optObject('location');
  const unLocode = place && optUnLocode(place, 'UNLocationCode');
  const retracted = d.optBool('isRetracted') === true;
  return compact({
    sourceEventId: ref,
    retractedEventId: retracted ? ref : undefined,
    eventKind: 'SHIPMENT',
    classifier: 'ACT',
    eventCode: 'SUBM',
    eventDateTime: dateTime(d, 'declarationDateTime'),
    location: unLocode ? compact({ unLocode, name: place?.optStr('locationName') }) : undefined,
    equipmentReference: containerNo,
    isoEquipmentCode: isoCode(equipment.optStr('ISOEquipmentCode')),
    documentTypeCode: 'VGM',
    documentId: ref.length <= 100 ? ref : undefined,
    bookingNo: shipment?.optStr('carrierBookingReference'),
    transportDocumentRef: shipment?.optStr('transportDocumentReference'),
    carrierCode: vessel?.optStr('carrierCode'),
    sourceStatusCode: 'VGM',
    sourceStatusDescription: 'Verified gross mass declaration',
    vgm: compact({
      grossMassKg: kilograms(vgm.object('weight')),
      method: vgm.optStr('method') as 'SM1' | 'SM2' | undefined,
      determinedAt: optDateTime(vgm, 'dateTime'),
      responsibleParty: partyOf(d.optObject('responsibleParty')),
      authorizedSignatory: d.optObject('authorizedPerson')?.optStr('name'),
    }),
  });
}

function kilograms(weight: JsonNode): string {
  const unit = weight.str('unit');
  const factor = KG_PER_UNIT[unit] ?? weight.fail(`unit ${unit} is not KGM or LBR`, 'unit');
  const value = weight.optNum('value') ?? weight.fail('is required', 'value');
  return new Decimal(decimalOf(value)).times(factor).toDecimalPlaces(3).toString();
}

/** ISO 6346 size-type (45G1, or the older 22GP form): only a 4-character code is kept. */
const isoCode = (code: string | undefined) =>
  code && /^[0-9A-Z]{4}$/.test(code) ? code : undefined;

function partyOf(node: JsonNode | undefined) {
  const name = node?.optStr('partyName');
  return name ? { name } : undefined;
}
