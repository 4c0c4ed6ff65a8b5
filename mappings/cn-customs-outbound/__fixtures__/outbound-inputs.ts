import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import type { ImportBuyer } from '../ceb303.writer';
import type { ExportInventory, InventoryLine } from '../ceb-export.writers';
import type { ImportInventory } from '../ceb-import.writers';
import type { CebParty, CebSender } from '../ceb-values';

/** Fixtures written from the primer's field lists (§1.2): a 9610 parcel of two mugs to Japan. */
export const at = new Date('2026-03-15T01:30:00Z'); // 09:30:00 China time
export const head = (guid: string) => ({ guid, appTime: at });

export const platform: CebParty = { code: '3302961234', name: '宁波示例跨境电商平台有限公司' };
export const seller: CebParty = { code: '330296000A', name: '宁波示例贸易有限公司' };
export const carrier: CebParty = { code: '3302980001', name: '宁波示例国际物流有限公司' };
export const agent: CebParty = { code: '3302980002', name: '宁波示例报关行有限公司' };
export const sender: CebSender = { ...seller, dxpId: 'DXPENT0000012345' };

export const order: SalesOrder = {
  orderNo: 'SO20260315001',
  orderDate: '2026-03-15T09:00:00+08:00',
  status: 'CONFIRMED',
  channel: { kind: 'MARKETPLACE', platform: 'shopee' },
  seller: { name: seller.name },
  buyer: { name: 'Yamada Taro' },
  customsMode: '9610',
  currency: 'CNY',
  lines: [
    {
      lineNo: 1,
      sku: 'MUG-350',
      description: '不锈钢保温杯',
      hsCode: '9617001100',
      quantity: { value: '2', unit: 'H87' },
      unitPrice: { amount: '45.00', currency: 'CNY' },
      amount: { amount: '90.00', currency: 'CNY' },
      originCountry: 'CN',
    },
    {
      lineNo: 2,
      sku: 'LID-01',
      description: '杯盖',
      quantity: { value: '1', unit: 'H87' },
      unitPrice: { amount: '10.50', currency: 'CNY' },
      amount: { amount: '10.50', currency: 'CNY' },
    },
  ],
  goodsValue: { amount: '100.50', currency: 'CNY' },
  freight: { amount: '20.00', currency: 'CNY' },
  totalAmount: { amount: '120.50', currency: 'CNY' },
};

export const mugLine: InventoryLine = {
  lineNo: 1,
  itemNo: 'MUG-350',
  itemName: '不锈钢保温杯',
  hsCode: '9617001100',
  goodsName: '保温杯',
  declarationElements: '0|0|不锈钢|350ml|无品牌',
  originCountry: 'CN',
  quantity: { value: '2', unit: 'H87' },
  firstQuantity: { value: '2', unit: 'H87' },
  secondQuantity: { value: '0.8', unit: 'KGM' },
  unitPrice: { amount: '45', currency: 'CNY' },
  total: { amount: '90', currency: 'CNY' },
};

export const exportInventory: ExportInventory = {
  head: head('4A1B2C3D-0000-4000-8000-000000000603'),
  messageGuid: '4A1B2C3D-0000-4000-8000-000000001603',
  sender,
  customsCode: '3105',
  portCode: '3105',
  platform,
  seller,
  owner: seller,
  agent,
  carrier,
  orderNo: order.orderNo,
  logisticsNo: 'LP00012345678CN',
  copNo: 'INV20260315001',
  exportDate: '2026-03-15',
  transportMode: '5',
  destinationCountry: 'JP',
  destinationPort: 'JPN',
  freight: { amount: '20', currency: 'CNY' },
  insuredFee: { amount: '0', currency: 'CNY' },
  packageType: '2',
  packageCount: 1,
  grossWeightKg: '1.2',
  netWeightKg: '0.8',
  lines: [mugLine],
};

export const buyer: ImportBuyer = {
  regNo: 'buyer-0001',
  name: '张三',
  telephone: '13800000000',
  idType: '1',
  idNumber: '110101199001011234',
  consigneeAddress: '北京市东城区示例路1号',
  taxTotal: '9.10',
};

export const importInventory: ImportInventory = {
  head: head('4A1B2C3D-0000-4000-8000-000000000621'),
  messageGuid: '4A1B2C3D-0000-4000-8000-000000001621',
  sender,
  customsCode: '3105',
  portCode: '3105',
  platform,
  seller,
  carrier,
  agent,
  area: { code: '3302460001', name: '宁波保税区示例仓' },
  orderNo: 'SI20260315001',
  logisticsNo: 'YT20260315000001',
  copNo: 'IMP20260315001',
  assureCode: '3302961234',
  emsNo: 'T3105W000001',
  declarationDate: '2026-03-15',
  transportMode: 'W',
  departureCountry: 'JP',
  freight: { amount: '0', currency: 'CNY' },
  insuredFee: { amount: '0', currency: 'CNY' },
  packageCount: 1,
  grossWeightKg: '1.2',
  netWeightKg: '0.8',
  buyer,
  lines: [{ ...mugLine, originCountry: 'JP' }],
};
