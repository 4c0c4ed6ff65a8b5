import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { JsonNode } from '../json-support/json-node';
import { dateTime, optDateTime, optImo, optUnLocode } from '../json-support/json-values';
import {
  CLASSIFIERS,
  EVENT_CODE_FIELD,
  EVENT_CODES,
  EVENT_KINDS,
  TRANSPORT_MODES,
  V2_DOCUMENT_REFERENCE_TYPES,
  V2_DOCUMENT_TYPES,
  V2_MODES,
  V2_REFERENCE_TYPES,
} from './tnt-codes';
import {
  addDocumentReference,
  delayReason,
  readEquipment,
  readLocation,
  type Kind,
  type ReadContext,
} from './tnt-common';

/** Event metadata: 2.2 keeps it in the event, 3.0 Beta in a `metadata` object. */
export interface EventHeader {
  kind: Kind;
  sourceEventId?: string;
  eventCreatedDateTime?: string;
  retractedEventId?: string;
}

/** A flat DCSA T&T 2.2 event (GET /v2/events item or push notification). */
export function readV2Event(node: JsonNode, ctx: ReadContext): ShipmentEvent {
  const header: EventHeader = {
    kind: node.code('eventType', EVENT_KINDS),
    sourceEventId: node.optStr('eventID'),
    eventCreatedDateTime: optDateTime(node, 'eventCreatedDateTime'),
  };
  return readV2Body(node, header, ctx);
}

/** The 2.2 event body (also the 3.0 Beta `payload`), read after its header. */
export function readV2Body(body: JsonNode, header: EventHeader, ctx: ReadContext): ShipmentEvent {
  const { kind } = header;
  const classifier = body.code('eventClassifierCode', CLASSIFIERS);
  if (kind === 'SHIPMENT' && classifier !== 'ACT') {
    body.fail('SHIPMENT events are ACT only', 'eventClassifierCode', 'UNKNOWN_CODE');
  }
  const eventCode = body.code(EVENT_CODE_FIELD[kind], EVENT_CODES['2.2'][kind]);
  const event: ShipmentEvent = {
    sourceEventId: header.sourceEventId,
    retractedEventId: header.retractedEventId,
    eventKind: kind,
    classifier,
    eventCode,
    eventDateTime: dateTime(body, 'eventDateTime'),
    eventCreatedDateTime: header.eventCreatedDateTime,
    carrierCode: ctx.carrierCode,
    sourceStatusCode: eventCode,
  };
  if (kind === 'SHIPMENT') readShipment(body, event);
  if (kind === 'TRANSPORT') readTransport(body, event, ctx);
  if (kind === 'EQUIPMENT') readEquipmentEvent(body, event, ctx);
  readReferences(body, event);
  return event;
}

function readShipment(body: JsonNode, event: ShipmentEvent): void {
  const type = body.code('documentTypeCode', V2_DOCUMENT_TYPES);
  const id = body.str('documentID');
  event.documentTypeCode = type;
  event.documentId = id;
  addDocumentReference(event, type, id, body, 'documentID');
  event.remarks = body.optStr('reason');
}

function readTransport(body: JsonNode, event: ShipmentEvent, ctx: ReadContext): void {
  event.transportCall = readTransportCall(body.object('transportCall'), event.eventCode, ctx);
  if (body.has('delayReasonCode')) event.delayReasonCode = delayReason(body.at('delayReasonCode'));
  event.remarks = body.optStr('changeRemark') ?? body.optStr('vesselScheduleChangeRemark');
}

function readEquipmentEvent(body: JsonNode, event: ShipmentEvent, ctx: ReadContext): void {
  readEquipment(body, event, true);
  const where = body.optObject('eventLocation');
  if (where) event.location = readLocation(where, where.optStr('facilityCode'), ctx);
  const call = body.optObject('transportCall');
  if (call) event.transportCall = readTransportCall(call, undefined, ctx);
}

/**
 * 2.2 transportCall: the call's UN/LOCODE and facility, the vessel and its voyage. A vessel
 * arrives on its import voyage and leaves on its export voyage; other events name the export.
 */
function readTransportCall(
  call: JsonNode,
  eventCode: string | undefined,
  ctx: ReadContext,
): ShipmentEvent['transportCall'] {
  const voyages = [call.optStr('exportVoyageNumber'), call.optStr('importVoyageNumber')];
  if (eventCode === 'ARRI') voyages.reverse();
  const mode = call.code('modeOfTransport', V2_MODES);
  const vessel = call.optObject('vessel');
  return {
    location: callLocation(call, ctx),
    conveyance: {
      mode: TRANSPORT_MODES[mode],
      vesselName: vessel?.optStr('vesselName'),
      vesselImo: vessel ? optImo(vessel, 'vesselIMONumber', ctx.warnings) : undefined,
      voyageNo: voyages[0] ?? voyages[1] ?? call.optStr('carrierVoyageNumber'),
      carrierCode: vessel?.optStr('vesselOperatorCarrierCode'),
    },
    serviceCode: call.optStr('carrierServiceCode'),
  };
}

function callLocation(call: JsonNode, ctx: ReadContext) {
  const nested = call.optObject('location');
  // A bad code is refused wherever it stands, even where the call's own code is used.
  if (nested) optUnLocode(nested, 'UNLocationCode');
  const source = call.has('UNLocationCode') ? call : nested;
  const location = source && readLocation(source, call.optStr('facilityCode'), ctx);
  return location && { ...location, name: nested?.optStr('locationName') };
}

function readReferences(body: JsonNode, event: ShipmentEvent): void {
  for (const ref of body.optItems('documentReferences')) {
    const type = ref.code('documentReferenceType', V2_DOCUMENT_REFERENCE_TYPES);
    addDocumentReference(
      event,
      type,
      ref.str('documentReferenceValue'),
      ref,
      'documentReferenceValue',
    );
  }
  const references = body.optItems('references').map((ref) => ({
    type: ref.code('referenceType', V2_REFERENCE_TYPES),
    value: ref.str('referenceValue'),
  }));
  if (references.length) event.references = [...(event.references ?? []), ...references];
}
