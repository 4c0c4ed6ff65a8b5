import type {
  DeliveryReceipt,
  OutboundDelivery,
  OutboundTransport,
} from '../../core/connector/contract';
import { TradeError } from '../../core/errors/trade-error';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import { DCSA_BOOKING_REQUEST, DCSA_BOOKING_UPDATE } from '../../mappings/dcsa-booking-2';
import { PartnerHttpClient, type PartnerHttpOptions } from '../transports/http/partner-http.client';
import { parseTransportSettings } from '../transports/http/transport-settings';
import { peekObject, textAt } from '../transports/http/json-peek';
import { DcsaBookingSettingsSchema } from './dcsa-settings.schema';

/**
 * Booking 2.0 requests to the carrier: a rendered create goes to POST /bookings, an update
 * (with the carrier's references in the body) to PUT /bookings/{reference}. The carrier's
 * answer (202 with carrierBookingRequestReference) goes into the delivery receipt.
 */
export class DcsaBookingTransport implements OutboundTransport {
  readonly kind = 'dcsa-booking';

  constructor(private readonly httpOptions: PartnerHttpOptions = {}) {}

  async send(
    delivery: OutboundDelivery,
    partner: PartnerRecord,
    raw: PartnerTransport,
  ): Promise<DeliveryReceipt> {
    const settings = parseTransportSettings(DcsaBookingSettingsSchema, raw, partner, 'deliver');
    const target = bookingTarget(delivery);
    const client = new PartnerHttpClient(settings, { ...this.httpOptions, stage: 'deliver' });
    const response = await client.request({
      method: target.method,
      path: target.path,
      body: delivery.body,
      contentType: delivery.contentType,
    });
    const answer = peekObject(response.text);
    const reference = textAt(answer, 'carrierBookingRequestReference') ?? target.reference;
    return {
      detail: {
        httpStatus: response.status,
        operation: target.method === 'POST' ? 'create' : 'update',
        carrierBookingRequestReference: reference,
        carrierBookingReference: textAt(answer, 'carrierBookingReference') ?? target.bookingNo,
        bookingStatus: textAt(answer, 'bookingStatus'),
      },
      partnerRef: reference,
    };
  }
}

interface Target {
  method: 'POST' | 'PUT';
  path: string;
  reference?: string;
  bookingNo?: string;
}

function bookingTarget(delivery: OutboundDelivery): Target {
  if (delivery.messageType === DCSA_BOOKING_REQUEST) return { method: 'POST', path: '/bookings' };
  if (delivery.messageType !== DCSA_BOOKING_UPDATE) {
    throw new TradeError(
      'config',
      `dcsa-booking cannot send ${delivery.messageType}: map Booking with the DCSA booking render`,
      { stage: 'deliver' },
    );
  }
  const body = peekObject(delivery.body);
  const reference = textAt(body, 'carrierBookingRequestReference');
  const bookingNo = textAt(body, 'carrierBookingReference');
  // DCSA accepts either reference in the path; the carrier's booking number once there is one.
  const pathRef = bookingNo ?? reference;
  if (!pathRef) {
    throw new TradeError('rejected', 'a booking update names neither carrier reference', {
      stage: 'deliver',
      location: { pointer: '/carrierBookingRequestReference' },
    });
  }
  return { method: 'PUT', path: `/bookings/${encodeURIComponent(pathRef)}`, reference, bookingNo };
}
