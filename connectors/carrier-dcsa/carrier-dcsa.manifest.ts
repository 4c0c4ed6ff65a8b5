import type { ConnectorManifest } from '../../core/connector/contract';
import {
  DCSA_BOOKING_CONFIRMATION,
  DCSA_BOOKING_REQUEST,
  DCSA_BOOKING_UPDATE,
  dcsaBookingConfirmationMapping,
  dcsaBookingRequestMapping,
  dcsaBookingRequestRender,
} from '../../mappings/dcsa-booking-2';
import { DCSA_TNT_EVENTS, dcsaTntEventsMapping } from '../../mappings/dcsa-tnt';
import { dcsaVgmMapping } from '../../mappings/dcsa-vgm/vgm.mapping';
import { dcsaShippingInstructionsMapping } from '../../mappings/dcsa-ebl/si-request.mapping';
import { dcsaArrivalNoticeMapping } from '../../mappings/dcsa-arrival-notice/arrival-notice.mapping';
import { dcsaPointToPointMapping } from '../../mappings/dcsa-schedules/point-to-point.mapping';
import { SentBookingRefs } from './booking-refs.source';
import { DcsaBookingStatusPoller } from './booking-status.poller';
import { DcsaBookingTransport } from './booking.transport';
import { dcsaWebhookVerifier } from './dcsa-webhook.verifier';
import { DcsaTntPoller } from './tnt.poller';
import {
  DcsaBookingPollSettingsSchema,
  DcsaBookingSettingsSchema,
  DcsaInboundSettingsSchema,
  DcsaTntSettingsSchema,
} from './dcsa-settings.schema';

/** A carrier speaking the DCSA APIs: T&T 2.2/3.0 (poll or subscription) and Booking 2.0. */
export const carrierDcsaManifest: ConnectorManifest = {
  id: 'carrier-dcsa',
  kind: 'carrier',
  description:
    'DCSA carrier API: T&T events polled or pushed (signed callbacks), Booking 2.0 requests out and booking status polled',
  transports: ['dcsa-tnt', 'dcsa-booking', 'dcsa-booking-poll', 'http-inbound'],
  messageTypes: {
    in: [DCSA_TNT_EVENTS, DCSA_BOOKING_CONFIRMATION],
    out: [DCSA_BOOKING_REQUEST, DCSA_BOOKING_UPDATE],
  },
  transportSchemas: {
    'dcsa-tnt': DcsaTntSettingsSchema,
    'dcsa-booking': DcsaBookingSettingsSchema,
    'dcsa-booking-poll': DcsaBookingPollSettingsSchema,
    'http-inbound': DcsaInboundSettingsSchema,
  },
  pollers: [
    () => new DcsaTntPoller(),
    // Booking status follows the bookings sent to the partner, found in the message store.
    ({ db }) => new DcsaBookingStatusPoller(new SentBookingRefs(db)),
  ],
  outboundTransports: [() => new DcsaBookingTransport()],
  webhookVerifier: dcsaWebhookVerifier,
  mappings: {
    inbound: [
      dcsaTntEventsMapping,
      dcsaBookingConfirmationMapping,
      dcsaBookingRequestMapping,
      dcsaVgmMapping,
      // eBL 3.0 SIs a shipper or forwarder posts to TradeHub's inbound endpoint.
      dcsaShippingInstructionsMapping,
      // Arrival notices a carrier pushes or answers: the notice and the announced arrival.
      dcsaArrivalNoticeMapping,
      // Point-to-point routings a carrier's schedules API answers.
      dcsaPointToPointMapping,
    ],
    outbound: [dcsaBookingRequestRender],
  },
};
