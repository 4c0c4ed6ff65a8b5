import type { Booking } from '../../core/model/documents/logistics-booking.schema';
import {
  ctx,
  decoded,
  goldenCases,
  readGolden,
  render,
  runCase,
} from './booking.golden.support';
import {
  DCSA_BOOKING_CONFIRMATION,
  DCSA_BOOKING_REQUEST,
  dcsaBookingConfirmationMapping,
  dcsaBookingRequestMapping,
} from './index';
import { tradeErrorOf } from '../json-support/golden.test-support';

describe('DCSA Booking 2.0 <-> canonical (golden)', () => {
  it.each(goldenCases)('%s gives the expected result', (name) => {
    expect(JSON.parse(JSON.stringify(runCase(name, readGolden(`${name}.json`))))).toEqual(
      readGolden(`${name}.expected.json`),
    );
  });

  it('reads a rendered request back to the booking it came from', () => {
    const booking = readGolden('render-create-fcl.json') as Booking;
    const { body } = render('render-create-fcl', booking);
    const message = decoded(DCSA_BOOKING_REQUEST, body, booking.bookingRequestRef);
    const [doc] = dcsaBookingRequestMapping.toCanonical(message, ctx).documents;
    expect(JSON.parse(JSON.stringify(doc.payload))).toEqual(booking);
  });
});

describe('refusals, located by JSON pointer', () => {
  it.each([
    ['confirmation-thin-notification', '/data/booking', 'THIN_NOTIFICATION'],
    ['confirmation-unknown-status', '/bookingStatus', 'UNKNOWN_CODE'],
    ['confirmation-unknown-cutoff', '/shipmentCutOffTimes/0/cutOffDateTimeCode', 'UNKNOWN_CODE'],
    ['confirmation-pol-without-locode', '/shipmentLocations/0/location/UNLocationCode', undefined],
    ['confirmation-bad-iso-code', '/confirmedEquipments/0/ISOEquipmentCode', 'UNKNOWN_CODE'],
    ['request-unknown-receipt-type', '/receiptTypeAtOrigin', 'UNKNOWN_CODE'],
  ])('%s at %s', (name, pointer, code) => {
    const tree = readGolden(`reject/${name}.json`);
    const e = tradeErrorOf(() =>
      name.startsWith('confirmation-')
        ? dcsaBookingConfirmationMapping.toCanonical(decoded(DCSA_BOOKING_CONFIRMATION, tree), ctx)
        : dcsaBookingRequestMapping.toCanonical(decoded(DCSA_BOOKING_REQUEST, tree, 'M1'), ctx),
    );
    expect([e.kind, e.stage, e.location, e.code]).toEqual(['mapping', 'map', { pointer }, code]);
  });

  const base = () => readGolden('render-update-soc.json') as Booking;
  it.each<[string, (b: Booking) => void, string]>([
    ['dangerous goods without DCSA DG details', (b) => (b.cargo[0].dangerousGoods = { unNumber: '3481', imoClass: '9' }), '/cargo/0/dangerousGoods'],
    ['cargo that names no container among two equipment types', (b) => delete b.cargo[1].containerNo, '/cargo/1'],
    ['no service contract nor quotation', (b) => delete b.serviceContractRef, '/serviceContractRef'],
    ['a rejected booking', (b) => (b.status = 'REJECTED'), '/status'],
    ['neither voyage nor departure date', (b) => delete b.vessel, '/requestedDepartureDate'],
  ])('render refuses %s', (_why, change, pointer) => {
    const booking = base();
    change(booking);
    const e = tradeErrorOf(() => render('render-update-soc', booking));
    expect([e.kind, e.stage, e.location]).toEqual(['mapping', 'map', { pointer }]);
  });
});
