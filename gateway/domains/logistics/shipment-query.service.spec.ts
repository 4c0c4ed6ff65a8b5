import type { EntryView } from './shipment.repository';
import { dischargePortOf } from './shipment-query.service';

const entry = (over: Partial<EntryView>): EntryView => ({
  identity: 'i',
  eventKind: 'EQUIPMENT',
  eventCode: 'GTIN',
  classifier: 'ACT',
  eventDateTime: '2025-06-11T01:30:00Z',
  location: 'CNSHA',
  blNo: 'B1',
  bookingNo: null,
  containerNo: 'C1',
  current: true,
  retracted: false,
  clientId: null,
  description: null,
  sources: [],
  ...over,
});

describe('port of discharge from the shipment events', () => {
  it('is where the latest arrival or discharge happens, past a transshipment port', () => {
    const entries = [
      entry({}),
      entry({
        eventKind: 'TRANSPORT',
        eventCode: 'ARRI',
        location: 'SGSIN',
        eventDateTime: '2025-06-20T00:00:00Z',
      }),
      entry({
        eventKind: 'TRANSPORT',
        eventCode: 'ARRI',
        classifier: 'EST',
        location: 'USLGB',
        eventDateTime: '2025-07-08T00:00:00Z',
      }),
      entry({ eventCode: 'DISC', location: 'SGSIN', eventDateTime: '2025-06-21T00:00:00Z' }),
    ];
    expect(dischargePortOf(entries)).toBe('USLGB');
  });

  it('is unknown from departures and gate moves alone', () => {
    expect(
      dischargePortOf([entry({}), entry({ eventKind: 'TRANSPORT', eventCode: 'DEPA' })]),
    ).toBeNull();
  });
});
