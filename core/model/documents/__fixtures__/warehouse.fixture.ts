import type {
  FulfillmentEvent,
  FulfillmentOrder,
  WarehouseInbound,
  WarehouseInventory,
  ItemMaster,
} from '../warehouse.schema';

const fourPx = { provider: '4PX', warehouseCode: 'USLAXA' };

export const warehouseInbound: WarehouseInbound = {
  asnNo: 'ASN-HT-250502',
  warehouseRef: 'OC0125050200017',
  ...fourPx,
  status: 'RECEIVING',
  rawStatus: { code: 'G', description: 'receiving' },
  statusAt: '2025-05-12T09:40:00-07:00',
  transportMode: 'SEA',
  containerNos: ['MSKU1234565'],
  declarationNos: ['310420250518004299'],
  expectedArrival: '2025-05-10T00:00:00-07:00',
  lines: [
    { sku: 'KT-1500-WH', expectedQty: 1200, receivedQty: 800, boxNo: 'B001-B100' },
    { sku: 'KT-1500-BK', expectedQty: 600 },
  ],
  boxCount: 150,
  declaredValue: { amount: '15750.00', currency: 'USD' },
};

export const warehouseInventory: WarehouseInventory = {
  ...fourPx,
  snapshotAt: '2025-05-20T00:00:00Z',
  items: [
    {
      sku: 'KT-1500-WH',
      available: 760,
      reserved: 40,
      inbound: 400,
      unfulfillable: 3,
      inventoryAgeDays: 8,
    },
  ],
};

export const fulfillmentOrder: FulfillmentOrder = {
  fulfillmentNo: 'FO-250521-0001',
  ...fourPx,
  orderNos: ['2505213QXK7M1P'],
  status: 'SUBMITTED',
  createdAt: '2025-05-21T02:10:00Z',
  shipTo: {
    name: 'Jordan Miles',
    address: {
      lines: ['1208 Elm St Apt 4'],
      city: 'Denver',
      region: 'CO',
      postalCode: '80203',
      country: 'US',
    },
  },
  shippingService: 'USPS-GA',
  requestedShipDate: '2025-05-21',
  lines: [{ sku: 'KT-1500-WH', quantity: 1, unit: 'H87', gtin: '036000291452' }],
};

export const fulfillmentEvent: FulfillmentEvent = {
  fulfillmentNo: 'FO-250521-0001',
  warehouseRef: '4PX-OB-99120',
  ...fourPx,
  orderNos: ['2505213QXK7M1P'],
  status: 'SHIPPED',
  rawStatus: { code: 'C', description: 'shipped' },
  occurredAt: '2025-05-21T19:45:00-07:00',
  carrier: 'USPS',
  trackingNos: ['9400111899560912345678'],
  shippedLines: [{ sku: 'KT-1500-WH', quantity: 1, orderedQty: 1, unit: 'H87' }],
};

/** Two SKUs as a US fulfilment centre lists them for the client. */
export const itemMaster: ItemMaster = {
  provider: 'ShipBob',
  asOf: '2025-03-01T08:00:00Z',
  items: [
    {
      sku: 'KT-1500-WH',
      name: 'Electric kettle 1.5 l white',
      warehouseRef: '15319517',
      status: 'ACTIVE',
      gtin: '036000291452',
      hsCode: '851610',
      countryOfOrigin: 'CN',
      unitValue: { amount: '18.50', currency: 'USD' },
      weightKg: '1.2',
    },
    { sku: 'MUG-350-BLU', name: 'Stoneware mug 350 ml blue', status: 'INACTIVE' },
  ],
};
