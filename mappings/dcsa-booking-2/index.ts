export {
  DCSA_BOOKING_CONFIRMATION,
  dcsaBookingConfirmationMapping,
} from './booking-confirmation.mapping';
export { DCSA_BOOKING_REQUEST, dcsaBookingRequestMapping } from './booking-request.mapping';
export { DCSA_BOOKING_UPDATE, dcsaBookingRequestRender } from './booking-request.render';
