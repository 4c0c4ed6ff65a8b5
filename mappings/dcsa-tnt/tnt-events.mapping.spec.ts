import {
  shipmentEventIdentity,
  type ShipmentEvent,
} from '../../core/model/documents/logistics-event.schema';
import type { DecodedMessage } from '../../core/translation/contract';
import { DCSA_TNT_EVENTS, dcsaTntEventsMapping } from './index';

const message = (version: string | undefined, tree: unknown): DecodedMessage => ({
  detection: { format: 'json', standard: 'DCSA', version, messageType: DCSA_TNT_EVENTS },
  index: 0,
  tree,
});
const map = (version: string | undefined, tree: unknown, settings?: Record<string, unknown>) =>
  dcsaTntEventsMapping.toCanonical(message(version, tree), {
    partnerId: 'carrier',
    receivedAt: '2026-03-14T12:00:00Z',
    settings,
  });
const payloads = (r: ReturnType<typeof map>) => r.documents.map((d) => d.payload as ShipmentEvent);

// One load at Ningbo, as a 2.2 event and as a 3.0 event with another offset for the instant.
const load22 = {
  eventCreatedDateTime: '2026-03-14T10:05:11Z',
  eventType: 'EQUIPMENT',
  eventClassifierCode: 'ACT',
  eventDateTime: '2026-03-14T17:42:00+08:00',
  equipmentEventTypeCode: 'LOAD',
  equipmentReference: 'OOLU1885234',
  emptyIndicatorCode: 'LADEN',
  eventLocation: { UNLocationCode: 'CNNGB' },
};
const load30 = {
  eventID: 'x-1',
  eventDateTime: '2026-03-14T09:42:00Z',
  eventLocation: { UNLocationCode: 'CNNGB' },
  eventClassification: {
    eventTypeCode: 'EQUIPMENT',
    eventClassifierCode: 'ACT',
    equipmentEventTypeCode: 'LOAD',
  },
  equipmentDetails: { equipmentReference: 'OOLU1885234', emptyIndicatorCode: 'LADEN' },
};

describe('dcsaTntEventsMapping', () => {
  it('gives one milestone reported in 2.2 and in 3.0 the same identity', () => {
    const [a] = payloads(map('2.2', [load22]));
    const [b] = payloads(map('3.0', { events: [load30] }));
    expect(shipmentEventIdentity(a)).toBe(shipmentEventIdentity(b));
  });

  it('tells the version by the shape when detection gives none', () => {
    expect(payloads(map(undefined, load30))[0].sourceEventId).toBe('x-1');
    expect(payloads(map(undefined, load22))[0].eventCode).toBe('LOAD');
  });

  it('names the carrier from the partner settings when the event does not', () => {
    expect(payloads(map('2.2', load22, { carrierCode: 'EGLV' }))[0].carrierCode).toBe('EGLV');
  });

  it('maps an empty list to no documents, with a warning', () => {
    expect(map('2.2', [])).toEqual({ documents: [], warnings: ['the message lists no events'] });
  });
});
