import type {
  DeclarationReceipt,
  ExportDeclaration,
  ImportDeclaration,
} from '../customs-declaration.schema';
import type { CertificateOfOrigin } from '../customs-origin.schema';
import { buyer, seller } from './parties.fixture';

const line = {
  lineNo: 1,
  hsCode: '8516719000',
  ciqCode: '999',
  goodsName: '电热水壶',
  declarationElements: '1|0|电热水壶|加热烧水|无品牌|KT-1500|1500W',
  declaredUnitPrice: { amount: '8.7500', currency: 'USD' },
  declaredTotal: { amount: '21000.00', currency: 'USD' },
  quantity: { value: '2400', unit: '007' },
  firstQuantity: { value: '2400', unit: '007' },
  secondQuantity: { value: '2880', unit: '035' },
  originCountry: 'CN',
  destinationCountry: 'US',
  districtCode: '33029',
  dutyMode: '1',
};

const header = {
  customsCode: '3104',
  portCustomsCode: '3104',
  supervisionMode: '0110',
  levyNature: '101',
  transactionMode: '3' as const,
  transportMode: '2',
  conveyanceName: 'MAERSK EUREKA',
  voyageNo: '516E',
  blNo: 'MAEU253419876',
  tradeCountry: 'US',
  contractNo: 'HT25US017',
  invoiceNos: ['HT25-INV-0088'],
  packageCount: 200,
  packageType: '22',
  grossWeightKg: '3360',
  netWeightKg: '2880',
  owner: seller,
  declTrnRel: '0' as const,
  containerNos: ['CSQU3054383'],
  lines: [line],
};

export const exportDeclaration: ExportDeclaration = {
  ...header,
  clientRef: 'HT-DEC-0417',
  preEntryId: 'I20250000123456789',
  entryId: '310420250518004217',
  status: 'RELEASED',
  declarationDate: '2025-04-18',
  exportDate: '2025-04-20',
  consignor: seller,
  destinationCountry: 'US',
  overseasParty: buyer,
};

export const importDeclaration: ImportDeclaration = {
  ...header,
  supervisionMode: '0110',
  clientRef: 'IMP-25-0031',
  consignee: seller,
  departureCountry: 'JP',
  overseasParty: { name: 'Kansai Parts K.K.', address: { country: 'JP' } },
  lines: [{ ...line, originCountry: 'JP', destinationCountry: 'CN' }],
};

export const declarationReceipt: DeclarationReceipt = {
  messageType: 'H2018',
  clientRef: 'HT-DEC-0417',
  preEntryId: 'I20250000123456789',
  entryId: '310420250518004217',
  returnStatus: '800',
  returnStatusMeaning: 'released',
  outcome: 'RELEASED',
  returnInfo: '放行',
  returnTime: '2025-04-19T16:05:12.345+08:00',
};

export const certificateOfOrigin: CertificateOfOrigin = {
  certificateNo: 'R2533040012345',
  agreement: 'RCEP',
  status: 'ISSUED',
  issuingBody: 'CCPIT',
  issueDate: '2025-04-19',
  validUntil: '2026-04-18',
  exporter: seller,
  consignee: { name: 'Osaka Home Co., Ltd.', address: { city: 'Osaka', country: 'JP' } },
  importingCountry: 'JP',
  portOfLoading: { unLocode: 'CNNGB' },
  portOfDischarge: { unLocode: 'JPOSA' },
  departureDate: '2025-04-21',
  declarationNo: '310420250518004217',
  lines: [
    {
      itemNo: 1,
      packages: { count: 50, packageType: 'CT' },
      description: 'Electric kettles',
      hsCode: '851671',
      originCriterion: 'RVC',
      rvcPercent: '46',
      fobValue: { amount: '5250.00', currency: 'USD' },
      invoiceNo: 'HT25-INV-0091',
      invoiceDate: '2025-04-18',
      originCountry: 'CN',
    },
  ],
};
