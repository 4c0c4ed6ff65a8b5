import { ajvErrors, requireValidator } from '../json-support/openapi.test-support';
import { goldenCases, readGolden, render } from './booking.golden.support';

// Runs only when ../shared is there (jest.config.js); CI fails when it is missing.
const BKG = 'dcsa/BKG_v2.0.0.yaml';
const schemas = {
  Booking: requireValidator(BKG, 'Booking'),
  BookingNotification: requireValidator(BKG, 'BookingNotification'),
  CreateBooking: requireValidator(BKG, 'CreateBooking'),
  UpdateBooking: requireValidator(BKG, 'UpdateBooking'),
};

describe('golden DCSA bodies against the official Booking 2.0 OpenAPI schema', () => {
  const schemaOf = (name: string, body: Record<string, unknown>) =>
    name.startsWith('request-')
      ? 'CreateBooking'
      : name.startsWith('render-')
        ? body.carrierBookingReference || body.carrierBookingRequestReference
          ? 'UpdateBooking'
          : 'CreateBooking'
        : 'specversion' in body
          ? 'BookingNotification'
          : 'Booking';
  it.each(goldenCases)('%s', (name) => {
    const input = readGolden(`${name}.json`) as Record<string, unknown>;
    const body = name.startsWith('render-')
      ? (render(name, input).body as Record<string, unknown>)
      : input;
    const validate = schemas[schemaOf(name, body)];
    expect(validate(body) ? '' : ajvErrors(validate)).toBe('');
  });
});
