import type { JsonNode } from '../json-support/json-node';

/**
 * A webhook `{ event_type, data }`, a bare data object, or an array of them (a poll page):
 * the data objects with the event type each came under. `eventTypes` are those the message
 * type takes; another one is refused at /event_type.
 */
export function unwrap(
  root: JsonNode,
  eventTypes: readonly string[],
): Array<{ eventType?: string; data: JsonNode }> {
  if (root.isArray()) return root.items().flatMap((item) => unwrap(item, eventTypes));
  root.fields();
  if (!root.has('event_type')) return [{ data: root }];
  const eventType = root.code('event_type', eventTypes);
  const data = root.at('data');
  const items = data.isArray() ? data.items() : [root.object('data')];
  return items.map((item) => ({ eventType, data: item }));
}
