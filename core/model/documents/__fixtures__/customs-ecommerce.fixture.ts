import type { CustomsWaybill, EcommercePayment, ParcelManifest } from '../customs-ecommerce.schema';
import type {
  CustomsInventory,
  InventoryCancellation,
  SummaryDeclaration,
} from '../customs-inventory.schema';

const filing = (guid: string) => ({
  guid,
  action: 'NEW' as const,
  status: 'DECLARED' as const,
  filedAt: '2025-05-21T10:30:00+08:00',
});
const customs = (code: string, name: string) => ({
  name,
  identifiers: [{ scheme: 'CUSTOMS' as const, value: code }],
});
const platform = customs('3302961234', '宁波示例跨境电商平台有限公司');
const seller = customs('330296000A', '宁波示例贸易有限公司');
const carrier = customs('3302980001', '宁波示例国际物流有限公司');
const agent = customs('3302980002', '宁波示例报关行有限公司');
const cny = (amount: string) => ({ amount, currency: 'CNY' });

export const ecommercePayment: EcommercePayment = {
  filing: filing('6F1D2C3B-0000-4000-8000-000000000403'),
  direction: 'EXPORT',
  orderNo: '2505213QXK7M1P',
  paymentNo: 'PAY250521000187',
  platform,
  seller,
  paymentProvider: customs('3302969999', '示例支付有限公司'),
  amount: cny('268.50'),
  paidAt: '2025-05-21T10:12:00+08:00',
};

export const customsWaybill: CustomsWaybill = {
  filing: filing('6F1D2C3B-0000-4000-8000-000000000505'),
  direction: 'EXPORT',
  logisticsNo: 'YT2505210000187',
  carrier,
  freight: cny('18.00'),
  insuredFee: cny('0'),
  grossWeightKg: '1.35',
  packageCount: 1,
  goodsInfo: '保温杯2个',
  seller: { ...seller, contact: { phone: '0574-88880000' } },
};

export const parcelManifest: ParcelManifest = {
  filing: filing('6F1D2C3B-0000-4000-8000-000000000509'),
  kind: 'DEPARTURE',
  direction: 'EXPORT',
  customsCode: '3105',
  clientRef: 'DEP250522001',
  carrier,
  transportMode: '5',
  conveyanceName: 'CK261',
  voyageNo: '20250522',
  blNo: '78012345675',
  departedAt: '2025-05-22T21:40:00+08:00',
  batch: { count: 1, seqNo: 1 },
  parcels: [{ lineNo: 1, logisticsNo: 'YT2505210000187', bagNo: 'BAG250522007' }],
};

export const customsInventory: CustomsInventory = {
  filing: filing('6F1D2C3B-0000-4000-8000-000000000603'),
  direction: 'EXPORT',
  customsCode: '3105',
  portCode: '3105',
  clientRef: 'INV250521000187',
  inventoryNo: '310520250000000187',
  orderNo: '2505213QXK7M1P',
  logisticsNo: 'YT2505210000187',
  supervisionMode: '9610',
  ieDate: '2025-05-22',
  statisticsFlag: 'B',
  platform,
  seller,
  carrier,
  agent,
  owner: seller,
  transportMode: '5',
  country: { code: '132', iso: 'SG' },
  destinationPort: 'SGSIN',
  freight: { value: cny('18'), mark: '3' },
  insurance: { value: cny('0'), mark: '3' },
  packageType: '2',
  packageCount: 1,
  grossWeightKg: '1.35',
  netWeightKg: '1.1',
  lines: [
    {
      lineNo: 1,
      itemNo: 'MUG-350',
      itemName: '不锈钢保温杯',
      hsCode: '9617001100',
      goodsName: '保温杯',
      declarationElements: '0|0|不锈钢|350ml|无品牌',
      country: { code: '132', iso: 'SG' },
      quantity: { value: '2', unit: '007' },
      firstQuantity: { value: '2', unit: '007' },
      secondQuantity: { value: '1.1', unit: '035' },
      unitPrice: cny('125.25'),
      total: cny('250.50'),
    },
  ],
};

export const inventoryCancellation: InventoryCancellation = {
  filing: filing('6F1D2C3B-0000-4000-8000-000000000605'),
  direction: 'EXPORT',
  customsCode: '3105',
  inventoryNo: '310520250000000187',
  clientRef: 'INV250521000187',
  seller,
  agent,
  reason: '买家取消订单',
};

export const summaryDeclaration: SummaryDeclaration = {
  filing: filing('6F1D2C3B-0000-4000-8000-000000000701'),
  customsCode: '3105',
  clientRef: 'SUM202505',
  agent,
  seller,
  declarationAgent: agent,
  periodStart: '2025-05-01T00:00:00+08:00',
  periodEnd: '2025-05-31T23:59:59+08:00',
  summaryFlag: '1',
  itemNameFlag: '0',
  batch: { count: 1, seqNo: 1 },
  inventoryNos: ['310520250000000187', '310520250000000188'],
};
