import type { SalesOrder } from '../commerce.schema';
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
