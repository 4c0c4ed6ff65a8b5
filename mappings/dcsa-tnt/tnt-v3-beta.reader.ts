import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { JsonNode } from '../json-support/json-node';
import { optDateTime } from '../json-support/json-values';
import { EVENT_KINDS } from './tnt-codes';
import type { ReadContext } from './tnt-common';
import { retractionWithoutData } from './tnt-retraction';
import { readV2Body } from './tnt-v2.reader';

/**
 * T&T 3.0.0-Beta-1 event: a `metadata` part (eventID, eventCreatedDateTime, eventType,
 * retractedEventID) and a `payload` part shaped like the 2.2 event body. A retraction is a
 * new event whose retractedEventID names the event to drop.
 */
export function readV3BetaEvent(node: JsonNode, ctx: ReadContext): ShipmentEvent {
  const metadata = node.object('metadata');
  const eventId = metadata.optStr('eventID');
  const retractedEventId = metadata.optStr('retractedEventID');
  if (retractedEventId && !node.has('payload')) throw retractionWithoutData(node, retractedEventId);
  const header = {
    kind: metadata.code('eventType', EVENT_KINDS),
    sourceEventId: eventId,
    eventCreatedDateTime: optDateTime(metadata, 'eventCreatedDateTime'),
    retractedEventId,
  };
  return readV2Body(node.object('payload'), header, ctx);
}
