import nock from 'nock';
import { PartnerRecordSchema } from '../../core/partners/partner.schema';
import { tradeErrorOfAsync } from '../../core/errors/trade-error.testing';
import { DcsaBookingTransport } from './booking.transport';

const HOST = 'https://bkg.transport-spec.example';
const partner = PartnerRecordSchema.parse({
  id: 'carrier-spec',
  name: 'Carrier',
  kind: 'carrier',
  connector: 'carrier-dcsa',
});
const settings = {
  kind: 'dcsa-booking',
  direction: 'out' as const,
  baseUrl: `${HOST}/v2`,
  auth: { type: 'api-key', header: 'x-api-key', apiKey: 'k1' },
};
const delivery = (messageType: string, body: unknown) => ({
  messageId: 'm1',
  partnerId: 'carrier-spec',
  body: Buffer.from(JSON.stringify(body)),
  contentType: 'application/json',
  messageType,
});

describe('DcsaBookingTransport', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('sends an update as PUT /bookings/{carrierBookingReference}', async () => {
    const body = { carrierBookingRequestReference: 'CBR-1', carrierBookingReference: 'BKG 77' };
    const scope = nock(HOST, { reqheaders: { 'x-api-key': 'k1' } })
      .put('/v2/bookings/BKG%2077', body)
      .reply(202, { carrierBookingRequestReference: 'CBR-1', bookingStatus: 'UPDATE_RECEIVED' });
    const receipt = await new DcsaBookingTransport().send(
      delivery('dcsa.booking.update', body),
      partner,
      settings,
    );
    scope.done();
    expect(receipt).toEqual({
      detail: {
        httpStatus: 202,
        operation: 'update',
        carrierBookingRequestReference: 'CBR-1',
        carrierBookingReference: 'BKG 77',
        bookingStatus: 'UPDATE_RECEIVED',
      },
      partnerRef: 'CBR-1',
    });
  });

  it('refuses what it cannot address', async () => {
    const transport = new DcsaBookingTransport();
    const other = await tradeErrorOfAsync(() =>
      transport.send(delivery('dcsa.ebl.shipping-instructions', {}), partner, settings),
    );
    expect(other.kind).toBe('config');
    const noRef = await tradeErrorOfAsync(() =>
      transport.send(delivery('dcsa.booking.update', {}), partner, settings),
    );
    expect(noRef).toMatchObject({
      kind: 'rejected',
      location: { pointer: '/carrierBookingRequestReference' },
    });
    const badSettings = await tradeErrorOfAsync(() =>
      transport.send(delivery('dcsa.booking.request', {}), partner, {
        kind: 'dcsa-booking',
        direction: 'out',
      }),
    );
    expect(badSettings.message).toMatch(/bad dcsa-booking settings at baseUrl/);
  });
});
