import type { TradeError } from '../../core/errors/trade-error';
import { mappingError, type JsonNode } from '../json-support/json-node';

/**
 * A T&T 3.0 retraction that names only the event to drop. The canonical ShipmentEvent needs
 * the milestone's kind, code and time, which the bare retraction does not carry, so it is
 * quarantined for an operator instead of silently dropped (the retracted event would stay).
 */
export function retractionWithoutData(node: JsonNode, eventId: string | undefined): TradeError {
  return mappingError(
    `retraction of event ${eventId ?? '(no eventID)'} carries no event classification; ` +
      'a canonical ShipmentEvent cannot express it',
    node.pointer,
    'RETRACTION_WITHOUT_EVENT',
  );
}
