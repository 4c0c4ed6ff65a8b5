import type { LetterOfCredit } from '../../../../core/model/documents/banking-lc.schema';
import type { CommercialInvoice } from '../../../../core/model/documents/commerce.schema';
import type { BillOfLading } from '../../../../core/model/documents/logistics-document.schema';
import type { Presentation } from './lc-types';

/** A USD 100,000 credit for 10,000 LED desk lamps, and a presentation that complies with it. */
export const lc: LetterOfCredit = {
  lcNo: 'LC2026HK0042',
  issueDate: '2026-03-02',
  issuingBank: { name: 'HARBOUR BANK HK' },
  formOfCredit: 'IRREVOCABLE',
  applicableRules: 'UCP LATEST VERSION',
  expiryDate: '2026-05-31',
  expiryPlace: 'SHANGHAI',
  applicant: { name: 'Lumen Retail GmbH' },
  beneficiary: { name: 'Ningbo Bright Lighting Co Ltd' },
  amount: { amount: '100000.00', currency: 'USD' },
  availableWith: 'ANY BANK',
  availableBy: 'NEGOTIATION',
  partialShipments: 'NOT_ALLOWED',
  transhipment: 'NOT_ALLOWED',
  portOfLoading: 'NINGBO, CHINA',
  portOfDischarge: 'HAMBURG (DEHAM)',
  latestShipmentDate: '2026-04-30',
  confirmation: 'CONFIRM',
  goodsDescription: '10000 PCS LED DESK LAMP MODEL DL-20 CIF HAMBURG',
  documentsRequired: [
    'SIGNED COMMERCIAL INVOICE IN 3 COPIES',
    'FULL SET CLEAN ON BOARD OCEAN BILLS OF LADING',
    'PACKING LIST',
    'INSURANCE CERTIFICATE FOR 110 PCT OF CIF VALUE',
    'CERTIFICATE OF ORIGIN',
  ],
};

export const invoice: CommercialInvoice = {
  invoiceNo: 'INV-DL-0042',
  issueDate: '2026-04-20',
  seller: { name: 'NINGBO BRIGHT LIGHTING CO LTD' },
  buyer: { name: 'Lumen Retail GmbH' },
  lcNo: 'LC2026HK0042',
  terms: { incoterm: 'CIF', place: 'Hamburg' },
  currency: 'USD',
  lines: [
    {
      lineNo: 1,
      description: 'LED desk lamp model DL-20',
      hsCode: '9405210000',
      quantity: { value: '10000', unit: 'H87' },
      unitPrice: { amount: '10.00', currency: 'USD' },
      amount: { amount: '100000.00', currency: 'USD' },
    },
  ],
  goodsValue: { amount: '100000.00', currency: 'USD' },
  totalAmount: { amount: '100000.00', currency: 'USD' },
};

export const bl: BillOfLading = {
  blNo: 'NBHAM260421',
  status: 'ISSUED',
  bookingNos: ['BK260421'],
  carrier: { name: 'Example Line' },
  vessel: { mode: 'SEA', vesselName: 'EXAMPLE EXPRESS', voyageNo: '042W' },
  shippedOnBoardDate: '2026-04-21',
  issueDate: '2026-04-21',
  shipper: { name: 'Ningbo Bright Lighting Co Ltd' },
  isToOrder: true,
  portOfLoading: { unLocode: 'CNNGB', name: 'Ningbo' },
  portOfDischarge: { unLocode: 'DEHAM', name: 'Hamburg' },
  transportDocumentType: 'BOL',
  containers: [{ containerNo: 'MSCU1234565' }],
  cargo: [{ description: 'LED DESK LAMPS', grossWeightKg: '5200' }],
};

export const presentation: Presentation = {
  presentedOn: '2026-05-06',
  place: 'Shanghai',
  invoices: [invoice],
  billsOfLading: [bl],
  packingList: {
    packingListNo: 'PL-DL-0042',
    issueDate: '2026-04-20',
    seller: invoice.seller,
    buyer: invoice.buyer,
    units: [
      {
        packages: { count: 500, packageType: 'CT' },
        contents: [{ description: 'LED desk lamp', quantity: { value: '10000', unit: 'H87' } }],
      },
    ],
    totalPackages: [{ count: 500, packageType: 'CT' }],
    totalMeasures: { grossWeightKg: '5200' },
  },
  insurance: {
    certificateNo: 'PICC-2026-0042',
    issueDate: '2026-04-20',
    insuredAmount: { amount: '110000.00', currency: 'USD' },
  },
  certificateOfOrigin: {
    certificateNo: 'CO26330042',
    agreement: 'NON_PREFERENTIAL',
    status: 'ISSUED',
    exporter: { name: 'Ningbo Bright Lighting Co Ltd' },
    consignee: { name: 'Lumen Retail GmbH' },
    importingCountry: 'DE',
    lines: [
      {
        itemNo: 1,
        description: 'LED desk lamp',
        hsCode: '940521',
        originCriterion: 'PE',
        invoiceNo: 'INV-DL-0042',
        originCountry: 'CN',
      },
    ],
  },
};
