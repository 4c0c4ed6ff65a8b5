import type { X12WarehouseSettingsInput } from '../../../mappings/x12-warehouse';

/**
 * Keystone Fulfillment, the seeded US 3PL (fictitious ids): two DCs in Pennsylvania and Ohio,
 * X12 004010 on US Eastern time, warehouses named in N1*WH, the goods' owner as depositor
 * (N1*DE), `~` plus CRLF after each segment. gateway/seed/partners/us-3pl-keystone.yaml
 * carries the same settings.
 */
export const keystoneSettings: X12WarehouseSettingsInput = {
  provider: 'Keystone Fulfillment',
  interchange: {
    sender: { qualifier: 'ZZ', id: 'TRADEHUB' },
    receiver: { qualifier: '01', id: '078123456' },
  },
  group: { senderCode: 'TRADEHUB', receiverCode: 'KEYSTONE3PL' },
  version: '004010',
  usage: 'P',
  timeZone: 'America/New_York',
  separators: { segment: '~', lineEnding: '\r\n' },
  warehouses: [
    {
      warehouseCode: 'US-ABE-1',
      partnerCode: 'ABE1',
      name: 'KEYSTONE ALLENTOWN DC',
      address: {
        lines: ['7355 WILLIAM AVE'],
        city: 'ALLENTOWN',
        region: 'PA',
        postalCode: '18106',
        country: 'US',
      },
    },
    { warehouseCode: 'US-CMH-1', partnerCode: 'CMH2', name: 'KEYSTONE COLUMBUS DC' },
  ],
  warehouseEntity: 'WH',
  billTo: { entity: 'DE', name: 'HANGZHOU TRADE CO LTD', idQualifier: '92', id: 'HZT001' },
  shippingServices: {
    'UPS-GROUND': { scac: 'UPSN', transportMethod: 'U', routing: 'UPS GROUND' },
    'FEDEX-HOME': { scac: 'FDEG', transportMethod: 'U', routing: 'FEDEX HOME DELIVERY' },
    'LTL-ODFL': { scac: 'ODFL', transportMethod: 'M', paymentMethod: 'PP' },
  },
};
