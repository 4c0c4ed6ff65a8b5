import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type { DecodedMessage } from '../../core/translation/contract';
import { goldenFolder, tradeErrorOf } from '../json-support/golden.test-support';
import { DCSA_TNT_EVENTS, dcsaTntEventsMapping } from './index';

const { read, cases } = goldenFolder(join(__dirname, 'golden'));

// The case name says the version: v22-*, v30-* (3.0.0), v30beta-* (3.0.0-Beta-1).
const versionOf = (name: string) =>
  name.startsWith('v22') ? '2.2.0' : name.startsWith('v30beta') ? '3.0.0-Beta-1' : '3.0.0';
const decoded = (name: string, tree: unknown): DecodedMessage => ({
  detection: {
    format: 'json',
    standard: 'DCSA',
    version: versionOf(name),
    messageType: DCSA_TNT_EVENTS,
  },
  index: 0,
  tree,
});
const ctx = { partnerId: 'eglv-tnt', receivedAt: '2026-04-03T16:00:00Z' };
const map = (name: string, tree: unknown) => dcsaTntEventsMapping.toCanonical(decoded(name, tree), ctx);

describe('DCSA T&T events -> ShipmentEvent (golden)', () => {
  it.each(cases)('%s maps to the expected documents, each valid', (name) => {
    const result = map(name, read(`${name}.json`));
    for (const doc of result.documents) validateDocument(doc.documentType, doc.payload);
    expect(JSON.parse(JSON.stringify(result))).toEqual(read(`${name}.expected.json`));
  });
});

describe('refusals, located by JSON pointer', () => {
  it.each([
    ['v22-unknown-event-type', '/eventType', 'UNKNOWN_CODE'],
    ['v22-unknown-equipment-code', '/0/equipmentEventTypeCode', 'UNKNOWN_CODE'],
    ['v22-bad-check-digit', '/0/equipmentReference', 'BAD_CONTAINER'],
    ['v22-planned-shipment-event', '/eventClassifierCode', 'UNKNOWN_CODE'],
    ['v22-local-time', '/eventDateTime', undefined],
    ['v22-locode-without-country', '/transportCall/UNLocationCode', 'BAD_LOCODE'],
    ['v22-not-events', '/0/eventType', undefined],
    ['v30-unknown-shipment-code', '/events/0/eventClassification/shipmentEventTypeCode', 'UNKNOWN_CODE'],
    ['v30-unknown-document-type', '/events/0/shipmentDetails/documentReference/typeCode', 'UNKNOWN_CODE'],
    ['v30-bare-retraction', '/events/0', 'RETRACTION_WITHOUT_EVENT'],
  ])('%s is refused at %s', (name, pointer, code) => {
    const e = tradeErrorOf(() => map(name, read(`reject/${name}.json`)));
    expect([e.kind, e.stage, e.location, e.code]).toEqual(['mapping', 'map', { pointer }, code]);
  });

  it('refuses a T&T version it does not know', () => {
    const message = { ...decoded('v22', []), detection: { ...decoded('v22', []).detection, version: '1.2' } };
    expect(() => dcsaTntEventsMapping.toCanonical(message, ctx)).toThrow(/version 1.2/);
  });
});
