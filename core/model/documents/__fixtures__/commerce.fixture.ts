import type { DespatchAdvice } from '../commerce-despatch-advice.schema';
import type { PurchaseOrder } from '../commerce-purchase-order.schema';
import type { CommercialInvoice, PackingList, SalesOrder } from '../commerce.schema';
import { buyer, seller } from './parties.fixture';

export const salesOrder: SalesOrder = {
  orderNo: 'SO-2025-0417',
  orderDate: '2025-03-03T09:15:00+08:00',
  status: 'CONFIRMED',
  channel: { kind: 'B2B' },
  contractNo: 'HT25US017',
  seller,
  buyer,
  terms: { incoterm: 'FOB', place: 'Ningbo' },
  paymentTerms: { method: 'LC', creditDays: 0 },
  customsMode: '0110',
  currency: 'USD',
  lines: [
    {
      lineNo: 1,
      sku: 'KT-1500-WH',
      description: 'Electric kettle 1.5 L, white',
      hsCode: '8516719000',
      quantity: { value: '2400', unit: 'H87' },
      unitPrice: { amount: '8.75', currency: 'USD' },
      amount: { amount: '21000.00', currency: 'USD' },
      originCountry: 'CN',
    },
  ],
  goodsValue: { amount: '21000.00', currency: 'USD' },
  totalAmount: { amount: '21000.00', currency: 'USD' },
  latestShipDate: '2025-04-30',
};

export const commercialInvoice: CommercialInvoice = {
  invoiceNo: 'HT25-INV-0088',
  issueDate: '2025-04-18',
  seller,
  buyer,
  orderNos: ['SO-2025-0417'],
  contractNo: 'HT25US017',
  lcNo: 'FPB25LC0417',
  blNo: 'MAEU253419876',
  terms: { incoterm: 'FOB', place: 'Ningbo' },
  currency: 'USD',
  lines: [{ ...salesOrder.lines[0], marks: 'LAKESIDE/LONG BEACH/C1-200' }],
  goodsValue: { amount: '21000.00', currency: 'USD' },
  totalAmount: { amount: '21000.00', currency: 'USD' },
  countryOfOrigin: 'CN',
  portOfLoading: { unLocode: 'CNNGB', name: 'Ningbo' },
  portOfDischarge: { unLocode: 'USLGB', name: 'Long Beach' },
  vessel: { mode: 'SEA', vesselName: 'MAERSK EUREKA', vesselImo: '9778791', voyageNo: '516E' },
  shipmentDate: '2025-04-20',
  packages: [{ count: 200, packageType: 'CT' }],
  measures: { grossWeightKg: '3360', netWeightKg: '2880', volumeM3: '27.6' },
};

export const packingList: PackingList = {
  packingListNo: 'HT25-PL-0088',
  issueDate: '2025-04-18',
  invoiceNo: 'HT25-INV-0088',
  orderNos: ['SO-2025-0417'],
  seller,
  buyer,
  units: [
    {
      packageNos: '1-200',
      packages: { count: 200, packageType: 'CT' },
      contents: [
        {
          lineNo: 1,
          sku: 'KT-1500-WH',
          description: 'Electric kettle',
          quantity: { value: '12', unit: 'H87' },
        },
      ],
      measures: { grossWeightKg: '16.8', netWeightKg: '14.4', volumeM3: '0.138' },
      containerNo: 'CSQU3054383',
    },
  ],
  totalPackages: [{ count: 200, packageType: 'CT' }],
  totalMeasures: { grossWeightKg: '3360', netWeightKg: '2880', volumeM3: '27.6' },
};

/** An EANCOM-style retail order as received: GTINs, no prices. */
export const purchaseOrder: PurchaseOrder = {
  orderNo: 'PO-88-5521',
  orderDate: '2025-04-02T09:00:00+01:00',
  buyer: {
    name: 'Northgate Retail Ltd.',
    identifiers: [{ scheme: 'GLN', value: '5012345000008' }],
  },
  seller: { name: 'Cixi Aurora Appliances Co., Ltd.' },
  requestedDeliveryAt: '2025-06-02T00:00:00+01:00',
  lines: [
    { lineNo: 1, itemId: '6901234567892', itemIdType: 'EN', quantity: '1200', unit: 'H87' },
    { lineNo: 2, itemId: 'AUR-TS-2SL', itemIdType: 'SA', quantity: '50', unitSent: 'PACK' },
  ],
};

/** A supplier's despatch advice against that order: two items, one pallet. */
export const despatchAdvice: DespatchAdvice = {
  despatchAdviceNo: 'DN-2025-0417',
  despatchedAt: '2025-05-20T14:00:00+08:00',
  supplier: { name: 'Cixi Aurora Appliances Co., Ltd.' },
  buyer: {
    name: 'Northgate Retail Ltd.',
    identifiers: [{ scheme: 'GLN', value: '5012345000008' }],
  },
  orderNos: ['PO-88-5521'],
  packages: [{ count: 1, packageType: 'PX' }],
  lines: [
    { lineNo: 1, itemId: '6901234567892', itemIdType: 'EN', quantity: '1200', unit: 'H87' },
    { lineNo: 2, itemId: 'AUR-TS-2SL', itemIdType: 'SA', quantity: '50', unitSent: 'PACK' },
  ],
};
