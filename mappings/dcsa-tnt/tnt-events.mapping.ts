import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { JsonNode } from '../json-support/json-node';
import { jsonMapping } from '../json-support/json-mapping';
import { settingString } from '../json-support/mapping-settings';
import type { ReadContext } from './tnt-common';
import { readV2Event } from './tnt-v2.reader';
import { readV3BetaEvent } from './tnt-v3-beta.reader';
import { readV3Event } from './tnt-v3.reader';

/** T&T GET /events response (a list), one pushed event, or a 3.0 `{ events: [...] }` body. */
export const DCSA_TNT_EVENTS = 'dcsa.tnt.events';

type Version = '2.2' | '3.0';

/**
 * DCSA Track & Trace 2.2 and 3.0 events -> one canonical ShipmentEvent each. Unknown event
 * types, classifiers and codes are refused at their JSON pointer, as are container numbers
 * failing ISO 6346, UN/LOCODEs of no country and IMO numbers failing their check digit.
 * Settings: `carrierCode` (the partner's SCAC) when events do not name their carrier.
 */
export const dcsaTntEventsMapping = jsonMapping<ShipmentEvent>({
  id: 'dcsa-tnt-events',
  messageType: DCSA_TNT_EVENTS,
  documentType: 'ShipmentEvent',
  eventType: 'logistics.shipment.status',
  read({ root, message, ctx, warnings }) {
    const nodes = eventNodes(root);
    const version = versionOf(message.detection.version, nodes[0], root);
    const read: ReadContext = { warnings, carrierCode: settingString(ctx.settings, 'carrierCode') };
    if (nodes.length === 0) warnings.push('the message lists no events');
    return nodes
      .map((node) => readEvent(node, version, read))
      .filter((e): e is ShipmentEvent => e !== undefined);
  },
  occurredAt: (event) => event.eventDateTime,
});

function eventNodes(root: JsonNode): JsonNode[] {
  if (root.isArray()) return root.items();
  if (root.isObject() && root.has('events')) return root.at('events').items();
  if (root.isObject()) return [root];
  return root.fail('expected an event, a list of events or { "events": [...] }');
}

function readEvent(node: JsonNode, version: Version, ctx: ReadContext): ShipmentEvent | undefined {
  node.fields();
  if (node.has('metadata')) return readV3BetaEvent(node, ctx);
  return version === '3.0' ? readV3Event(node, ctx) : readV2Event(node, ctx);
}

/** '2.2', '2.2.0' -> 2.2; '3', '3.0.0', '3.0.0-Beta-1' -> 3.0; absent: told by the shape. */
function versionOf(declared: string | undefined, first: JsonNode | undefined, root: JsonNode) {
  if (declared === undefined) {
    const v3 = first?.isObject() && (first.has('eventClassification') || first.has('metadata'));
    return v3 ? '3.0' : '2.2';
  }
  if (/^2\.2(\.|$)/.test(declared)) return '2.2';
  if (/^3(\.|$)/.test(declared)) return '3.0';
  return root.fail(`T&T version ${declared} is not supported (2.2, 3.0)`, undefined, 'VERSION');
}
