import type { X12WarehouseSettingsInput } from './x12-warehouse-settings.schema';

/**
 * An example US 3PL partner record (fictitious ids): Pacific Crest Logistics runs two
 * warehouses in California and Nevada, trades X12 004010 on Pacific time and counts in
 * eaches. Used by the golden cases and as a template for onboarding a new 3PL.
 */
export const exampleUs3plSettings: X12WarehouseSettingsInput = {
  provider: 'Pacific Crest Logistics',
  interchange: {
    sender: { qualifier: 'ZZ', id: 'TRADEHUB' },
    receiver: { qualifier: '12', id: '5625550100' },
  },
  group: { senderCode: 'TRADEHUB', receiverCode: '5625550100' },
  version: '004010',
  usage: 'T',
  timeZone: 'America/Los_Angeles',
  warehouses: [
    {
      warehouseCode: 'US-ONT-1',
      partnerCode: 'ONT01',
      name: 'PACIFIC CREST ONTARIO DC',
      address: {
        lines: ['4100 E MISSION BLVD'],
        city: 'ONTARIO',
        region: 'CA',
        postalCode: '91761',
        country: 'US',
      },
    },
    { warehouseCode: 'US-RNO-1', partnerCode: 'RNO02', name: 'PACIFIC CREST RENO DC' },
  ],
  billTo: { name: 'HANGZHOU TRADE CO LTD', idQualifier: '92', id: 'HZT001' },
  shippingServices: {
    'UPS-GROUND': { scac: 'UPSN', transportMethod: 'U', routing: 'UPS GROUND' },
    'FEDEX-2DAY': { scac: 'FDE', transportMethod: 'A', routing: 'FEDEX 2DAY' },
    'LTL-ESTES': { scac: 'EXLA', transportMethod: 'M', paymentMethod: 'CC' },
  },
  // This 3PL also writes UN (unit) for eaches.
  uomIn: { UN: 'H87' },
};
