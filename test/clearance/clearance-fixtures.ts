import { createEnvelope, type Envelope } from '../../core/envelope/envelope';
import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import type { Booking } from '../../core/model/documents/logistics-booking.schema';

// An export shop's 9610 order, its booking, and the client set-up the clearance suites share.

export const seller = {
  name: '宁波示例贸易有限公司',
  identifiers: [
    { scheme: 'USCC' as const, value: '91350100M000100Y43' },
    { scheme: 'CUSTOMS' as const, value: '330296000A' },
  ],
  address: { country: 'CN' as const },
};

export const order: SalesOrder = {
  orderNo: 'SHP-2603150001',
  orderDate: '2026-03-15T09:00:00+08:00',
  status: 'CONFIRMED',
  channel: { kind: 'MARKETPLACE', platform: 'shopee', fulfillment: 'SELLER' },
  seller,
  buyer: { name: 'Yamada Taro', address: { country: 'JP' } },
  terms: { incoterm: 'DAP', place: 'Osaka' },
  customsMode: '9610',
  currency: 'CNY',
  lines: [
    {
      lineNo: 1,
      sku: 'MUG-350',
      description: '不锈钢保温杯',
      quantity: { value: '2', unit: 'H87' },
      unitPrice: { amount: '45.00', currency: 'CNY' },
      amount: { amount: '90.00', currency: 'CNY' },
      originCountry: 'CN',
    },
  ],
  goodsValue: { amount: '90.00', currency: 'CNY' },
  freight: { amount: '20.00', currency: 'CNY' },
  totalAmount: { amount: '110.00', currency: 'CNY' },
};

export const booking: Booking = {
  bookingRequestRef: 'LP00012345678CN',
  status: 'RECEIVED',
  shipper: seller,
  orderNos: ['SHP-2603150001'],
  portOfLoading: { unLocode: 'CNNGB' },
  portOfDischarge: { unLocode: 'JPOSA' },
  cargoMovement: 'LCL',
  vessel: { mode: 'AIR', voyageNo: 'CA925' },
  equipment: [{ isoEquipmentCode: '22G1', units: 1 }],
  cargo: [{ description: 'mugs', packages: { count: 1, packageType: 'CT' }, grossWeightKg: '1.2' }],
};

/** Envelopes as the commerce and logistics domains publish them, for one client. */
export const envelopeFor =
  (clientId: string) =>
  <P>(
    type: string,
    documentType: string,
    payload: P,
    refs: Record<string, string[]>,
  ): Envelope<P> =>
    createEnvelope({
      type,
      documentType,
      version: '1',
      payload,
      source: {
        partnerId: 'shopee-shop-1',
        connector: 'test',
        transport: 'api',
        format: 'canonical',
        messageType: documentType,
      },
      refs,
      receivedAt: new Date().toISOString(),
      occurredAt: new Date().toISOString(),
      clientId,
    });

type Api = (path: string, init: { method: string; json: unknown }) => Promise<unknown>;

/** Registers the client (qualified) and the catalogue entries the order's mug needs. */
export async function registerClient(api: Api, clientId: string): Promise<void> {
  await api(`/clearance/clients/${clientId}`, {
    method: 'PUT',
    json: {
      party: seller,
      qualification: {
        registrations: [
          { kind: 'FOREIGN_TRADE_OPERATOR', number: '04512345', status: 'ACTIVE' },
          { kind: 'CUSTOMS', number: '330296000A', status: 'ACTIVE' },
        ],
      },
    },
  });
  await api('/clearance/catalogue/hs/9617001100', {
    method: 'PUT',
    json: {
      elements: ['品牌类型', '出口享惠情况', '材质', '容量', '品牌'],
      firstUnit: '007',
      secondUnit: '035',
    },
  });
  await api(`/clearance/catalogue/products/MUG-350?clientId=${clientId}`, {
    method: 'PUT',
    json: {
      hsCode: '9617001100',
      goodsName: '保温杯',
      elementValues: ['0', '0', '不锈钢', '350ml', '无品牌'],
      netKgPerUnit: '0.4',
    },
  });
}
