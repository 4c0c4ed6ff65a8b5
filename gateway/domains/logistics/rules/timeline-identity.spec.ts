import type { ShipmentEvent } from '../../../../core/model/documents/logistics-event.schema';
import { reportOf, sameEvent, sameMilestone, scopedRefs } from './timeline-identity';

const at = (iso: string) => ({ eventDateTime: iso });
const ningbo = { location: { unLocode: 'CNNGB' } };
const depa = (extra: Partial<ShipmentEvent>): ShipmentEvent => ({
  eventKind: 'TRANSPORT',
  eventCode: 'DEPA',
  classifier: 'ACT',
  eventDateTime: '2025-04-20T22:10:00+08:00',
  sourceStatusCode: 'VD',
  carrierCode: 'SNOL',
  ...ningbo,
  ...extra,
});
const vgm = (containerNo: string): ShipmentEvent => ({
  eventKind: 'SHIPMENT',
  eventCode: 'SUBM',
  classifier: 'ACT',
  eventDateTime: '2019-01-30T20:39:00+00:00',
  documentTypeCode: 'VGM',
  documentId: 'M5C51',
  bookingNo: '4001234567',
  equipmentReference: containerNo,
  sourceStatusCode: '749',
});
const draft = (documentTypeCode: 'SHI' | 'TRD'): ShipmentEvent => ({
  eventKind: 'SHIPMENT',
  eventCode: 'DRFT',
  classifier: 'ACT',
  eventDateTime: '2021-01-08T13:22:53+01:00',
  documentTypeCode,
  documentId: 'SNLNGB25040088',
  transportDocumentRef: 'SNLNGB25040088',
  sourceStatusCode: 'DRFT',
});
const gateIn = (iso: string, bookingNo: string): ShipmentEvent => ({
  eventKind: 'EQUIPMENT',
  eventCode: 'GTIN',
  classifier: 'ACT',
  eventDateTime: iso,
  equipmentReference: 'SNLU2045180',
  bookingNo,
  carrierCode: 'SNOL',
  sourceStatusCode: 'I',
  ...ningbo,
});

const r = (event: ShipmentEvent, partnerId = 'sino-ocean-lines') => reportOf({ event, partnerId });

// The identity rule as a table: two reports, and whether they are one event / one milestone.
describe.each([
  // Issue 9: two containers in one VERMAS without DOC ids were one event.
  ['VGM of two containers', vgm('CBHU1234561'), vgm('CSQU3054383'), false, false],
  // Issue 9: a SHI draft and a TRD draft were one event.
  ['SHI draft and TRD draft', draft('SHI'), draft('TRD'), false, false],
  // Issue 9: IFTSTA names the B/L, DCSA the booking; both name both somewhere (the B/L's
  // links): one departure when the sets overlap.
  [
    'IFTSTA (B/L + booking) and DCSA (booking) departure',
    depa({ transportDocumentRef: 'SNLNGB25040088', bookingNo: 'SNL2504170021' }),
    depa({ bookingNo: 'SNL2504170021', eventDateTime: '2025-04-20T14:10:30Z' }),
    true,
    true,
  ],
  // Issue 9: a container reused months later at the same port for a new booking.
  [
    'gate-in of a reused container, new booking',
    gateIn('2025-04-18T14:15:00+08:00', 'SNL2504170021'),
    gateIn('2025-09-02T09:00:00+08:00', 'SNL2508300007'),
    false,
    false,
  ],
  [
    'an estimate and the actual of one gate-in',
    gateIn('2025-04-18T14:15:00+08:00', 'SNL2504170021'),
    { ...gateIn('2025-04-18T12:00:00+08:00', 'SNL2504170021'), classifier: 'EST' },
    false,
    true,
  ],
  [
    'the same booking number at two carriers',
    depa({ bookingNo: '4001234567' }),
    depa({ bookingNo: '4001234567', carrierCode: 'MAEU' }),
    false,
    false,
  ],
  [
    'one departure minutes apart within the tolerance',
    depa({ bookingNo: 'SNL2504170021' }),
    depa({ bookingNo: 'SNL2504170021', ...at('2025-04-20T22:13:00+08:00') }),
    true,
    true,
  ],
  [
    'one source names the terminal, the other does not',
    gateIn('2025-04-18T14:15:00+08:00', 'SNL2504170021'),
    {
      ...gateIn('2025-04-18T14:15:00+08:00', 'SNL2504170021'),
      location: { unLocode: 'CNNGB', facilityCode: 'BLCT' },
    },
    true,
    true,
  ],
  [
    'same booking, two terminals of one port',
    {
      ...gateIn('2025-04-18T14:15:00+08:00', 'SNL2504170021'),
      location: { unLocode: 'CNNGB', facilityCode: 'NBCT' },
    },
    {
      ...gateIn('2025-04-18T14:15:00+08:00', 'SNL2504170021'),
      location: { unLocode: 'CNNGB', facilityCode: 'BLCT' },
    },
    false,
    false,
  ],
] as const)('%s', (_name, a, b, oneEvent, oneMilestone) => {
  it(`is ${oneEvent ? '' : 'not '}one event`, () => {
    expect(sameEvent(r(a), r(b))).toBe(oneEvent);
    expect(sameEvent(r(b), r(a))).toBe(oneEvent);
  });
  it(`is ${oneMilestone ? '' : 'not '}one milestone`, () => {
    expect(sameMilestone(r(a), r(b))).toBe(oneMilestone);
    expect(sameMilestone(r(b), r(a))).toBe(oneMilestone);
  });
});

describe('scopedRefs', () => {
  it('keeps every B/L and booking an event names, scoped by carrier or partner', () => {
    const event = depa({
      carrierCode: undefined,
      transportDocumentRef: 'BL1',
      bookingNo: 'BK1',
      references: [
        { type: 'BM', value: 'BL2' },
        { type: 'BN', value: 'BK2' },
        { type: 'PO', value: 'PO-1' },
      ],
    });
    expect(scopedRefs({ event, partnerId: 'eglv-tnt' })).toEqual([
      'BKG:EGLV-TNT:BK1',
      'BKG:EGLV-TNT:BK2',
      'BL:EGLV-TNT:BL1',
      'BL:EGLV-TNT:BL2',
    ]);
  });
});
