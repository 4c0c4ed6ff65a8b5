import type { Booking } from '../../core/model/documents/logistics-booking.schema';
import type {
  MappingContext,
  OutboundMapping,
  RenderedMessage,
} from '../../core/translation/contract';
import { mappingError } from '../json-support/json-node';
import { jsonRendered } from '../json-support/json-render';
import { settingBool, settingChoice, settingString } from '../json-support/mapping-settings';
import { CARRIER_CODE_LIST_PROVIDERS, SERVICE_TYPES } from './booking-codes';
import { assignCargo } from './booking-cargo-assignment';
import { writeLocation } from './booking-location';
import { toDcsaParty } from './booking-party';
import { DCSA_BOOKING_REQUEST } from './booking-request.mapping';

/** A PUT /v2/bookings/{ref} body: an update or amendment of a request the carrier has. */
export const DCSA_BOOKING_UPDATE = 'dcsa.booking.update';

type Settings = Record<string, unknown> | undefined;
type Body = Record<string, unknown>;

// The statuses in which DCSA accepts a PUT (update or amendment) of the booking.
const UPDATABLE = [
  'RECEIVED',
  'PENDING_UPDATE',
  'UPDATE_RECEIVED',
  'PENDING_AMENDMENT',
  'CONFIRMED',
];

/**
 * Canonical Booking -> DCSA Booking 2.0 request body: POST /v2/bookings (CreateBooking) for a
 * new request, PUT (UpdateBooking, with the carrier's references) once the carrier knows it:
 * when the booking has a bookingNo, is past RECEIVED, or settings say `bookingOperation:
 * update`. Settings: receiptTypeAtOrigin / deliveryTypeAtDestination (CY|SD|CFS; default CY
 * for FCL, CFS for LCL), isEquipmentSubstitutionAllowed (default false), isPartialLoadAllowed,
 * contractQuotationReference (when there is no service contract), carrierCodeListProvider.
 */
export const dcsaBookingRequestRender: OutboundMapping<Booking> = {
  id: 'dcsa-booking-2-request-render',
  documentType: 'Booking',
  format: 'json',
  render(booking: Booking, ctx: MappingContext & { controlRef: string }): RenderedMessage {
    const update = isUpdate(booking, ctx.settings);
    const body = {
      ...(update
        ? {
            carrierBookingRequestReference: booking.bookingRequestRef,
            carrierBookingReference: booking.bookingNo,
          }
        : {}),
      ...bookingBody(booking, ctx.settings, update),
    };
    return jsonRendered(body, update ? DCSA_BOOKING_UPDATE : DCSA_BOOKING_REQUEST, ctx.controlRef);
  },
};

function isUpdate(booking: Booking, settings: Settings): boolean {
  if (!UPDATABLE.includes(booking.status)) {
    throw mappingError(`a ${booking.status} booking cannot be sent to the carrier`, '/status');
  }
  const operation = settingChoice(
    settings,
    'bookingOperation',
    ['auto', 'create', 'update'],
    'auto',
  );
  if (operation !== 'auto') return operation === 'update';
  return Boolean(booking.bookingNo) || booking.status !== 'RECEIVED';
}

function bookingBody(b: Booking, settings: Settings, update: boolean): Body {
  const service = b.cargoMovement === 'FCL' ? 'CY' : 'CFS';
  const quotation = b.serviceContractRef
    ? undefined
    : settingString(settings, 'contractQuotationReference');
  if (!b.serviceContractRef && !quotation) {
    throw mappingError(
      'DCSA needs a service contract or a contract quotation reference',
      '/serviceContractRef',
    );
  }
  if (!b.vessel?.voyageNo && !b.requestedDepartureDate) {
    throw mappingError(
      'DCSA needs the export voyage or an expected departure date',
      '/requestedDepartureDate',
    );
  }
  checkLength(b.serviceContractRef, 30, '/serviceContractRef');
  checkLength(b.carrierCode, 4, '/carrierCode');
  return {
    receiptTypeAtOrigin: settingChoice(settings, 'receiptTypeAtOrigin', SERVICE_TYPES, service),
    deliveryTypeAtDestination: settingChoice(
      settings,
      'deliveryTypeAtDestination',
      SERVICE_TYPES,
      service,
    ),
    cargoMovementTypeAtOrigin: b.cargoMovement,
    cargoMovementTypeAtDestination: b.cargoMovement,
    serviceContractReference: b.serviceContractRef,
    contractQuotationReference: quotation,
    vessel: b.vessel?.vesselName
      ? { name: b.vessel.vesselName, vesselIMONumber: b.vessel.vesselImo }
      : undefined,
    carrierExportVoyageNumber: b.vessel?.voyageNo,
    carrierCode: b.carrierCode,
    carrierCodeListProvider: b.carrierCode
      ? settingChoice(settings, 'carrierCodeListProvider', CARRIER_CODE_LIST_PROVIDERS, 'NMFTA')
      : undefined,
    isPartialLoadAllowed: settingBool(settings, 'isPartialLoadAllowed'),
    expectedDepartureDate: b.requestedDepartureDate,
    incoTerms: b.terms?.incoterm,
    isEquipmentSubstitutionAllowed:
      settingBool(settings, 'isEquipmentSubstitutionAllowed') ?? false,
    // A new request has no carrier reference yet: ours travels as the customer's reference.
    references:
      !update && b.bookingRequestRef ? [customerReference(b.bookingRequestRef)] : undefined,
    documentParties: documentParties(b),
    shipmentLocations: shipmentLocations(b),
    requestedEquipments: assignCargo(b),
  };
}

function customerReference(value: string) {
  checkLength(value, 35, '/bookingRequestRef');
  return { type: 'CR', value };
}

function documentParties(b: Booking): Body {
  const shipper = toDcsaParty(b.shipper, '/shipper');
  return {
    // The booking agent is the party placing the booking: the forwarder, else the shipper.
    bookingAgent: b.forwarder ? toDcsaParty(b.forwarder, '/forwarder') : shipper,
    shipper: { ...shipper, purchaseOrderReferences: b.orderNos },
    consignee: b.consignee && toDcsaParty(b.consignee, '/consignee'),
  };
}

function shipmentLocations(b: Booking): Body[] {
  const roles = [
    ['PRE', b.placeOfReceipt],
    ['POL', b.portOfLoading],
    ['POD', b.portOfDischarge],
    ['PDE', b.placeOfDelivery],
  ] as const;
  return roles.flatMap(([code, location]) =>
    location ? [{ location: writeLocation(location), locationTypeCode: code }] : [],
  );
}

function checkLength(value: string | undefined, max: number, pointer: string): void {
  if (value && value.length > max) {
    throw mappingError(`DCSA allows at most ${max} characters here`, pointer);
  }
}
