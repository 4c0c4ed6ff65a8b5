import { createHash } from 'node:crypto';
import type { Booking } from '../../core/model/documents/logistics-booking.schema';
import { INCOTERMS_2020, type Incoterm } from '../../core/model/values/incoterm.schema';
import type { Location } from '../../core/model/values/location.schema';
import type { JsonNode } from '../json-support/json-node';
import { optDate, optImo } from '../json-support/json-values';
import { BOOKING_STATUSES, CARGO_MOVEMENT_TYPES, SERVICE_TYPES } from './booking-codes';
import { readCommodities } from './booking-cargo';
import { readEquipment } from './booking-equipment';
import { readShipmentLocations, type Routing } from './booking-location';
import { fromDcsaParty } from './booking-party';

/**
 * A DCSA Booking 2.0 request (POST /v2/bookings body, or PUT with its references) -> canonical
 * Booking. `messageRef` (the transport's reference) names a new request that has no carrier
 * reference yet. Checked beyond the schema: POL/POD by UN/LOCODE with an ISO 3166 country, ISO 6346
 * container numbers. Reefer settings have no canonical field and are reported as warnings.
 */
export function readBookingRequest(
  root: JsonNode,
  messageRef: string | undefined,
  warnings: string[],
): Booking {
  root.code('receiptTypeAtOrigin', SERVICE_TYPES);
  root.code('deliveryTypeAtDestination', SERVICE_TYPES);
  const movement = root.code('cargoMovementTypeAtOrigin', CARGO_MOVEMENT_TYPES);
  if (root.code('cargoMovementTypeAtDestination', CARGO_MOVEMENT_TYPES) !== movement) {
    warnings.push('/cargoMovementTypeAtDestination: differs from origin; origin kept');
  }
  const contract = root.optStr('serviceContractReference');
  // DCSA wants one of the two, not both; its own examples send both: the contract is kept.
  if (contract && root.has('contractQuotationReference')) {
    warnings.push('/contractQuotationReference: beside a service contract; the contract is kept');
  }
  const parties = root.object('documentParties');
  const agent = fromDcsaParty(parties.object('bookingAgent'));
  const shipperNode = parties.optObject('shipper');
  if (!shipperNode) warnings.push('/documentParties: no shipper; the booking agent stands in');
  const routing = readShipmentLocations(root);
  // A routingReference (a routing the carrier offered) stands for the ports (DCSA 2.0).
  const routingRef = root.optStr('routingReference');
  const portOfLoading =
    routing.portOfLoading ??
    (routingRef ? undefined : root.fail('no port of loading (POL)', 'shipmentLocations'));
  const portOfDischarge =
    routing.portOfDischarge ??
    (routingRef ? undefined : root.fail('no port of discharge (POD)', 'shipmentLocations'));
  const ports = { ...routing, portOfLoading, portOfDischarge };
  const equipments = root.at('requestedEquipments').items();
  if (!equipments.length) root.fail('lists no equipment', 'requestedEquipments');
  const cargo = equipments.flatMap((e) => readCommodities(e, warnings));
  if (!cargo.length) root.fail('no commodity is described', 'requestedEquipments');
  const incoterm = root.optCode('incoTerms', INCOTERMS_2020);
  const requestRef =
    root.optStr('carrierBookingRequestReference') ??
    messageRef ??
    (root.has('carrierBookingReference') ? undefined : contentRef(root, warnings));
  const vessel = root.optObject('vessel');
  return {
    bookingRequestRef: requestRef,
    bookingNo: root.optStr('carrierBookingReference'),
    status: root.optCode('bookingStatus', BOOKING_STATUSES) ?? 'RECEIVED',
    carrierCode: root.optStr('carrierCode'),
    shipper: shipperNode ? fromDcsaParty(shipperNode) : agent,
    consignee: parties.optObject('consignee') && fromDcsaParty(parties.object('consignee')),
    // A booking agent other than the shipper is its forwarder.
    forwarder: shipperNode && agent.name !== shipperNode.str('partyName') ? agent : undefined,
    serviceContractRef: contract ?? root.optStr('contractQuotationReference'),
    routingRef,
    orderNos: purchaseOrders(shipperNode),
    placeOfReceipt: routing.placeOfReceipt,
    portOfLoading,
    portOfDischarge,
    placeOfDelivery: routing.placeOfDelivery,
    cargoMovement: movement,
    terms: termsOf(incoterm, ports, warnings),
    requestedDepartureDate: optDate(root, 'expectedDepartureDate'),
    vessel:
      vessel || root.has('carrierExportVoyageNumber')
        ? {
            mode: 'SEA',
            vesselName: vessel?.optStr('name'),
            vesselImo: vessel && optImo(vessel, 'vesselIMONumber', warnings),
            voyageNo: root.optStr('carrierExportVoyageNumber'),
          }
        : undefined,
    equipment: equipments.map((e) => readEquipment(e, warnings)),
    cargo,
  };
}

function purchaseOrders(shipper: JsonNode | undefined): string[] | undefined {
  const refs = shipper?.optItems('purchaseOrderReferences').map((r) => r.text()) ?? [];
  return refs.length ? refs : undefined;
}

/**
 * DCSA sends the Incoterm without its named place; the booking's routing names it: E and F
 * terms at origin (receipt, else loading port), C terms at the discharge port, D terms at
 * the place of delivery, else the discharge port.
 */
function termsOf(incoterm: Incoterm | undefined, r: Routing, warnings: string[]) {
  const place = incoterm && namedPlace(incoterm, r);
  if (incoterm && !place)
    warnings.push(`/incoTerms: ${incoterm} has no named place without ports, left out`);
  return incoterm && place ? { incoterm, place } : undefined;
}

function namedPlace(incoterm: Incoterm, r: Routing): string | undefined {
  const at = (l: Location | undefined) => l && (l.name ?? l.unLocode);
  if (incoterm === 'EXW' || incoterm.startsWith('F'))
    return at(r.placeOfReceipt ?? r.portOfLoading);
  if (incoterm.startsWith('C')) return at(r.portOfDischarge);
  return at(r.placeOfDelivery ?? r.portOfDischarge);
}

/**
 * A new request has no carrierBookingRequestReference (the carrier assigns it) and may come
 * without a transport reference: it is known by a hash of its content, so the same request
 * sent again is the same booking.
 */
function contentRef(root: JsonNode, warnings: string[]): string {
  const ref = `TH-${createHash('sha256').update(JSON.stringify(root.value)).digest('hex').slice(0, 20)}`;
  warnings.push(
    `/carrierBookingRequestReference: none yet (the carrier assigns it); known as ${ref} until then`,
  );
  return ref;
}
