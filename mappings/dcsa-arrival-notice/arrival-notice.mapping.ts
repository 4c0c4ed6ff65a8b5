import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import type { InboundMapping } from '../../core/translation/contract';
import { asMappedEvent } from '../carrier-edifact/shipment-event.builder';
import { JsonNode } from '../json-support/json-node';
import { readArrivalNotice } from './arrival-notice.reader';

/** DCSA Arrival Notice 1.0: GET /arrival-notices answers and notification bodies. */
export const DCSA_ARRIVAL_NOTICES = 'dcsa.arrival-notices';

/** DCSA Arrival Notice 1.0 `{ arrivalNotices: [...] }` -> ShipmentEvents per notice. */
export const dcsaArrivalNoticeMapping: InboundMapping = {
  id: 'dcsa-arrival-notice-1',
  format: 'json',
  messageTypes: [DCSA_ARRIVAL_NOTICES],
  toCanonical(message) {
    const warnings: string[] = [];
    const root = JsonNode.root(message.tree);
    const events: ShipmentEvent[] = root
      .at('arrivalNotices')
      .items()
      .flatMap((n) => readArrivalNotice(n, warnings));
    return { documents: events.map(asMappedEvent), warnings };
  },
};
