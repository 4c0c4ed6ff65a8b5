import {
  ShipmentEventSchema,
  shipmentEventIdentity,
  type ShipmentEvent,
} from './logistics-event.schema';
import { shipmentEvent as dcsa } from './__fixtures__/logistics.fixture';

// The same load milestone as an INTTRA IFTSTA would report it: X12-style status AE, minute
// precision, UTC, no DCSA event id, only the container and B/L.
const iftsta: ShipmentEvent = {
  eventKind: 'EQUIPMENT',
  classifier: 'ACT',
  eventCode: 'LOAD',
  eventDateTime: '2025-04-20T06:32:00Z',
  location: { unLocode: 'CNNGB' },
  equipmentReference: 'CSQU3054383',
  transportDocumentRef: 'MAEU253419876',
  sourceStatusCode: 'AE',
  sourceStatusDescription: 'Loaded on vessel',
};

describe('shipmentEventIdentity', () => {
  it('is the same for one milestone reported by DCSA and by IFTSTA', () => {
    expect(shipmentEventIdentity(iftsta)).toBe(shipmentEventIdentity(dcsa));
    expect(shipmentEventIdentity(dcsa)).toMatch(/^sev1-[0-9a-f]{32}$/);
  });

  it.each<[string, Partial<ShipmentEvent>]>([
    ['an estimate is not the actual', { classifier: 'EST' }],
    ['another container', { equipmentReference: 'MSKU1234565' }],
    ['another minute', { eventDateTime: '2025-04-20T06:33:00Z' }],
    ['another place', { location: { unLocode: 'CNSHA' } }],
    ['a discharge is not a load', { eventCode: 'DISC' }],
  ])('differs for %s', (_why, change) => {
    expect(shipmentEventIdentity({ ...iftsta, ...change })).not.toBe(shipmentEventIdentity(iftsta));
  });

  it('ignores source ids, raw codes and references that only one source sends', () => {
    const other = { ...iftsta, sourceEventId: 'x', sourceStatusCode: 'LOAD', bookingNo: 'B1' };
    expect(shipmentEventIdentity(other)).toBe(shipmentEventIdentity(iftsta));
  });

  it('keys transport events on the B/L even when one source adds the container', () => {
    const departure: ShipmentEvent = {
      eventKind: 'TRANSPORT',
      classifier: 'ACT',
      eventCode: 'DEPA',
      eventDateTime: '2025-04-20T18:05:00+08:00',
      transportCall: { location: { unLocode: 'CNNGB' } },
      transportDocumentRef: 'MAEU253419876',
      sourceStatusCode: 'VD',
    };
    const withContainer = { ...departure, equipmentReference: 'CSQU3054383' };
    expect(shipmentEventIdentity(withContainer)).toBe(shipmentEventIdentity(departure));
  });
});

describe('ShipmentEvent vgm', () => {
  const declared: ShipmentEvent = {
    eventKind: 'SHIPMENT',
    classifier: 'ACT',
    eventCode: 'SUBM',
    eventDateTime: '2025-04-18T09:00:00+08:00',
    equipmentReference: 'CSQU3054383',
    documentTypeCode: 'VGM',
    sourceStatusCode: '749',
    vgm: { grossMassKg: '7160', method: 'SM1', authorizedSignatory: 'LI WEI' },
  };

  it('carries a verified gross mass on a VGM declaration event', () => {
    expect(ShipmentEventSchema.safeParse(declared).success).toBe(true);
  });

  it('refuses a mass that is not a non-negative decimal string, and an unknown method', () => {
    const bad = { ...declared, vgm: { grossMassKg: '-1', method: 'SM3' } };
    const paths = ShipmentEventSchema.safeParse(bad).error?.issues.map((i) => i.path.join('/'));
    expect(paths).toEqual(['vgm/grossMassKg', 'vgm/method']);
  });
});

describe('shipmentEventIdentity (ADR 0012)', () => {
  const vgm = (equipmentReference: string) => ({
    eventKind: 'SHIPMENT' as const,
    eventCode: 'SUBM',
    classifier: 'ACT' as const,
    eventDateTime: '2019-01-30T20:39:00+00:00',
    documentTypeCode: 'VGM' as const,
    documentId: 'M5C51FD6BE3109',
    equipmentReference,
    sourceStatusCode: '749',
  });

  it('tells apart the VGMs of two containers of one VERMAS', () => {
    expect(shipmentEventIdentity(vgm('CBHU1234561'))).not.toBe(
      shipmentEventIdentity(vgm('CSQU3054383')),
    );
  });

  it('tells apart a SHI draft and a TRD draft of one B/L', () => {
    const draft = { ...vgm('CBHU1234561'), eventCode: 'DRFT', equipmentReference: undefined };
    expect(shipmentEventIdentity({ ...draft, documentTypeCode: 'SHI' })).not.toBe(
      shipmentEventIdentity({ ...draft, documentTypeCode: 'TRD' }),
    );
  });
});
