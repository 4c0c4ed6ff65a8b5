import type { SailingSchedule } from '../logistics-schedule.schema';
import type { Booking, BookingConfirmation } from '../logistics-booking.schema';
import type { BillOfLading, ShippingInstruction } from '../logistics-document.schema';
import type { ShipmentEvent } from '../logistics-event.schema';
import type { FreightInvoice } from '../logistics-freight-invoice.schema';
import type { TransportInstruction } from '../logistics-transport-instruction.schema';
import { buyer, seller } from './parties.fixture';

const ningbo = { unLocode: 'CNNGB', name: 'Ningbo' };
const longBeach = { unLocode: 'USLGB', name: 'Long Beach' };
const vessel = {
  mode: 'SEA' as const,
  vesselName: 'MAERSK EUREKA',
  vesselImo: '9778791',
  voyageNo: '516E',
  carrierCode: 'MAEU',
};
const carrier = {
  name: 'Maersk A/S',
  identifiers: [{ scheme: 'OTHER' as const, value: 'MAEU', issuer: 'SCAC' }],
};
const cargo = [
  {
    description: 'ELECTRIC KETTLES',
    hsCode: '851671',
    packages: { count: 200, packageType: 'CT' },
    grossWeightKg: '3360',
    volumeM3: '27.6',
  },
];

export const booking: Booking = {
  bookingRequestRef: 'BR-HT-25-0417',
  status: 'RECEIVED',
  shipper: seller,
  consignee: buyer,
  orderNos: ['SO-2025-0417'],
  contractNo: 'HT25US017',
  portOfLoading: ningbo,
  portOfDischarge: longBeach,
  cargoMovement: 'FCL',
  terms: { incoterm: 'FOB', place: 'Ningbo' },
  requestedDepartureDate: '2025-04-20',
  equipment: [{ isoEquipmentCode: '42G1', units: 1 }],
  cargo,
  requestedAt: '2025-04-01T10:00:00+08:00',
};

export const bookingConfirmation: BookingConfirmation = {
  bookingNo: '253419876',
  bookingRequestRef: 'BR-HT-25-0417',
  status: 'CONFIRMED',
  carrier,
  carrierCode: 'MAEU',
  confirmedAt: '2025-04-02T15:20:00+08:00',
  portOfLoading: ningbo,
  portOfDischarge: longBeach,
  vessel,
  estimatedDeparture: '2025-04-20T18:00:00+08:00',
  estimatedArrival: '2025-05-06T08:00:00-07:00',
  cutOffs: [
    { code: 'DCO', at: '2025-04-17T12:00:00+08:00' },
    { code: 'FCO', at: '2025-04-18T17:00:00+08:00' },
  ],
  equipment: [{ isoEquipmentCode: '42G1', units: 1, containerNos: ['CSQU3054383'] }],
  emptyPickupLocation: { unLocode: 'CNNGB', facilityCode: 'NBCT' },
};

const parties = {
  shipper: seller,
  consignee: buyer,
  notifyParties: [buyer],
  portOfLoading: ningbo,
  portOfDischarge: longBeach,
  transportDocumentType: 'BOL' as const,
  numberOfOriginals: 3,
  freightPayment: 'COLLECT' as const,
  containers: [
    { containerNo: 'CSQU3054383', isoEquipmentCode: '42G1', seals: ['ML-5521873'], vgmKg: '7160' },
  ],
  cargo: [{ ...cargo[0], containerNo: 'CSQU3054383', marks: 'LAKESIDE/LONG BEACH/C1-200' }],
  invoiceNos: ['HT25-INV-0088'],
  declarationNos: ['310420250518004217'],
};

export const shippingInstruction: ShippingInstruction = {
  siRef: 'SI-253419876-1',
  bookingNos: ['253419876'],
  status: 'RECEIVED',
  submittedAt: '2025-04-16T11:00:00+08:00',
  vessel,
  ...parties,
};

export const billOfLading: BillOfLading = {
  blNo: 'MAEU253419876',
  status: 'ISSUED',
  bookingNos: ['253419876'],
  carrier,
  carrierCode: 'MAEU',
  vessel,
  shippedOnBoardDate: '2025-04-20',
  issueDate: '2025-04-21',
  issuePlace: 'Ningbo',
  ...parties,
};

/** Container CSQU3054383 loaded at Ningbo, as a DCSA equipment event. */
export const shipmentEvent: ShipmentEvent = {
  sourceEventId: 'b1f0a1d2-6a55-4d8e-9c43-9f0e6e2a7b11',
  eventKind: 'EQUIPMENT',
  classifier: 'ACT',
  eventCode: 'LOAD',
  eventDateTime: '2025-04-20T14:32:18+08:00',
  location: { unLocode: 'CNNGB', facilityCode: 'NBCT' },
  transportCall: { location: ningbo, conveyance: vessel },
  equipmentReference: 'CSQU3054383',
  isoEquipmentCode: '42G1',
  emptyIndicator: 'LADEN',
  transportDocumentRef: 'MAEU253419876',
  bookingNo: '253419876',
  references: [{ type: 'PO', value: 'SO-2025-0417' }],
  sourceStatusCode: 'LOAD',
};

/** Ningbo to Hamburg, one direct sailing offered. */
export const sailingSchedule: SailingSchedule = {
  routings: [
    {
      solutionNo: 1,
      placeOfReceipt: { location: { unLocode: 'CNNGB' }, at: '2025-05-18T08:00:00+08:00' },
      placeOfDelivery: { location: { unLocode: 'DEHAM' }, at: '2025-06-22T06:00:00+02:00' },
      transitTimeDays: 35,
      cutOffs: [{ code: 'DCO', at: '2025-05-16T12:00:00+08:00' }],
      legs: [
        {
          sequenceNo: 1,
          conveyance: { mode: 'SEA', vesselName: 'HAMBURG EXPRESS', voyageNo: '2519W' },
          serviceCode: 'AE7',
          departure: { location: { unLocode: 'CNNGB' }, at: '2025-05-18T08:00:00+08:00' },
          arrival: { location: { unLocode: 'DEHAM' }, at: '2025-06-22T06:00:00+02:00' },
        },
      ],
    },
  ],
};

/** The drayage of container CSQU3054383 from Long Beach to the buyer's DC, billed to the buyer. */
export const freightInvoice: FreightInvoice = {
  invoiceNo: 'SWFD-INV-250716-01',
  issueDate: '2025-07-16',
  carrier: {
    name: 'Swift Drayage LLC',
    identifiers: [{ scheme: 'OTHER', value: 'SWFD', issuer: 'SCAC' }],
  },
  carrierCode: 'SWFD',
  billTo: buyer,
  shipmentNo: 'PRO778812',
  blNo: 'MAEU253419876',
  containerNos: ['CSQU3054383'],
  freightPayment: 'COLLECT',
  shipmentDate: '2025-07-13',
  deliveryDate: '2025-07-15',
  currency: 'USD',
  charges: [
    {
      lineNo: 1,
      chargeCode: '400',
      rate: '1650',
      rateBasis: 'FR',
      amount: { amount: '1650.00', currency: 'USD' },
    },
    { lineNo: 2, chargeCode: 'FUE', amount: { amount: '195.00', currency: 'USD' } },
  ],
  totalAmount: { amount: '1845.00', currency: 'USD' },
};

/** A forwarder's road transport order: two pallets from the Ningbo DC to the port's CFS. */
export const transportInstruction: TransportInstruction = {
  instructionNo: 'FWD-TO-250512-07',
  documentCode: '610',
  rawStatus: { code: '9' },
  issuedAt: '2025-05-12T09:30:00+08:00',
  requestedShipmentDate: '2025-05-14',
  serviceCode: 'FTL',
  shipper: { name: 'Ningbo Lakeside Appliances Co., Ltd.' },
  consignee: { name: 'Ningbo Beilun CFS' },
  placeOfReceipt: { unLocode: 'CNNGB' },
  totalGrossWeightKg: '1840',
  totalPackages: 2,
  units: [{ packageCount: 2, packageType: 'PX', grossWeightKg: '1840', marks: ['PLT-0417-1'] }],
  references: [{ type: 'CU', value: 'SO-2025-0417' }],
  bookingNos: ['253419876'],
  orderNos: ['SO-2025-0417'],
};
