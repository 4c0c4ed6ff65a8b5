import { DOCUMENTS } from './documents';
import { documentTypeOfEvent, EVENT_DOCUMENT_TYPES } from './events';

describe('canonical events', () => {
  it('map every document default routing key to that document', () => {
    for (const def of Object.values(DOCUMENTS))
      expect(documentTypeOfEvent(def.defaultEventType)).toBe(def.name);
  });

  it('name only known documents and routing keys of the <domain>.<entity>.<event> form', () => {
    for (const [type, name] of Object.entries(EVENT_DOCUMENT_TYPES)) {
      expect(type).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+$/);
      expect(Object.keys(DOCUMENTS)).toContain(name);
    }
  });

  it('know nothing of keys outside the canonical model', () => {
    expect(documentTypeOfEvent('logistics.shipment.eta-changed')).toBeUndefined();
    expect(documentTypeOfEvent('toString')).toBeUndefined();
  });
});
