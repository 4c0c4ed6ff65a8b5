import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { JsonNode } from '../json-support/json-node';
import { dateTime, optDateTime, optImo } from '../json-support/json-values';
import {
  CLASSIFIERS,
  EVENT_CODE_FIELD,
  EVENT_CODES,
  EVENT_KINDS,
  TRANSPORT_MODES,
  V3_DOCUMENT_TYPES,
  V3_EVENT_TYPES,
  V3_MODES,
  V3_REFERENCE_TYPES,
} from './tnt-codes';
import {
  addDocumentReference,
  delayReason,
  readEquipment,
  readLocation,
  type ReadContext,
} from './tnt-common';
import { retractionWithoutData } from './tnt-retraction';

/**
 * A DCSA T&T 3.0 Event: classification, shipment, transport and equipment details. Returns
 * undefined for IoT and reefer events, which are no shipment milestones.
 */
export function readV3Event(node: JsonNode, ctx: ReadContext): ShipmentEvent | undefined {
  const eventId = node.optStr('eventID');
  const retracted = node.optBool('isRetracted') === true;
  // A retraction may carry only the eventID: "any event data other than the eventID is
  // irrelevant". Without the classification there is no canonical milestone to retract.
  if (retracted && (!eventId || !node.has('eventClassification'))) {
    throw retractionWithoutData(node, eventId);
  }
  const cls = node.object('eventClassification');
  const type = cls.code('eventTypeCode', V3_EVENT_TYPES);
  if (!(EVENT_KINDS as readonly string[]).includes(type)) {
    ctx.warnings.push(`${node.pointer || '/'}: ${type} event ${eventId ?? ''} skipped`);
    return undefined;
  }
  const kind = type as ShipmentEvent['eventKind'];
  const classifier = cls.code('eventClassifierCode', CLASSIFIERS);
  const eventCode = cls.code(EVENT_CODE_FIELD[kind], EVENT_CODES['3.0'][kind]);
  if (kind === 'SHIPMENT' && classifier !== 'ACT') {
    cls.fail('SHIPMENT events are ACT only', 'eventClassifierCode', 'UNKNOWN_CODE');
  }
  const routing = node.optObject('eventRouting')?.optObject('originatingParty');
  const event: ShipmentEvent = {
    sourceEventId: eventId,
    retractedEventId: retracted ? eventId : undefined,
    eventKind: kind,
    classifier,
    eventCode,
    eventDateTime: dateTime(node, 'eventDateTime'),
    eventCreatedDateTime: optDateTime(node, 'eventUpdatedDateTime'),
    // Party function CA: the carrier; its SMDG liner code is the carrier code.
    carrierCode:
      routing?.optStr('partyFunction') === 'CA' ? routing.optStr('partyCode') : undefined,
    sourceStatusCode: eventCode,
  };
  event.carrierCode ??= ctx.carrierCode;
  const where = node.optObject('eventLocation');
  const location = where
    ? readLocation(where, where.optObject('facility')?.optStr('facilityCode'), ctx)
    : undefined;
  readShipmentDetails(node.optObject('shipmentDetails'), event);
  readTransportDetails(node.optObject('transportDetails'), event, ctx);
  // A vessel's arrival or departure happens at its call; other events at the event location.
  if (kind === 'TRANSPORT') event.transportCall = { ...event.transportCall, location };
  else event.location = location;
  const equipment = node.optObject('equipmentDetails');
  if (equipment) readEquipment(equipment, event, kind === 'EQUIPMENT');
  else if (kind === 'EQUIPMENT') node.fail('is required', 'equipmentDetails');
  return event;
}

function readShipmentDetails(details: JsonNode | undefined, event: ShipmentEvent): void {
  if (!details) return;
  const main = details.optObject('documentReference');
  if (main && event.eventKind === 'SHIPMENT') {
    event.documentTypeCode = main.code('typeCode', V3_DOCUMENT_TYPES);
    event.documentId = main.str('reference');
  }
  for (const ref of [
    ...(main ? [main] : []),
    ...details.optItems('additionalDocumentReferences'),
  ]) {
    const type = ref.code('typeCode', V3_DOCUMENT_TYPES);
    addDocumentReference(event, type, ref.str('reference'), ref, 'reference');
  }
  const references = details.optItems('shipmentReferences').map((ref) => ({
    type: ref.code('typeCode', V3_REFERENCE_TYPES),
    value: ref.str('reference'),
  }));
  if (references.length) event.references = [...(event.references ?? []), ...references];
  event.remarks = details.optStr('reason');
}

function readTransportDetails(
  details: JsonNode | undefined,
  event: ShipmentEvent,
  ctx: ReadContext,
): void {
  if (!details) return;
  const delays = details.optItems('delayReasonCodes').map(delayReason);
  event.delayReasonCode = delays[0];
  if (delays.length > 1) {
    ctx.warnings.push(`${details.pointer}/delayReasonCodes: only the first code is kept`);
  }
  event.remarks ??= details.optStr('changeRemark');
  const call = details.optObject('transportCall');
  if (call) event.transportCall = readTransportCall(call, event.eventCode, ctx);
}

function readTransportCall(
  call: JsonNode,
  eventCode: string,
  ctx: ReadContext,
): NonNullable<ShipmentEvent['transportCall']> {
  const mode = call.optCode('modeOfTransport', V3_MODES);
  const vessel = call.optObject('vesselTransport');
  // A vessel arrives on its import voyage and leaves on its export voyage.
  const voyages = ['exportVoyageNumberOrReference', 'importVoyageNumberOrReference'];
  if (eventCode === 'ARRI') voyages.reverse();
  const voyage = call.optObject(voyages[0]) ?? call.optObject(voyages[1]);
  const service = call.optObject('serviceCodeOrReference');
  return {
    conveyance: mode && {
      mode: TRANSPORT_MODES[mode],
      vesselName: vessel?.optStr('vesselName'),
      vesselImo: vessel ? optImo(vessel, 'vesselIMONumber', ctx.warnings) : undefined,
      voyageNo: voyage?.optStr('carrierVoyageNumber') ?? voyage?.optStr('universalVoyageReference'),
      carrierCode: vessel?.optStr('operatorCarrierCode'),
    },
    serviceCode:
      service?.optStr('carrierServiceCode') ?? service?.optStr('universalServiceReference'),
  };
}
