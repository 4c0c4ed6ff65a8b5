/** A generic partner's order JSON, as the acme-webshop partner would post it. */
export function orderJson(
  orderNo: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    orderNo,
    orderDate: '2026-11-20T10:00:00+08:00',
    currency: 'USD',
    contractNo: `CT-${orderNo}`,
    seller: { name: '宁波海曙进出口有限公司', uscc: '91330203MA2H4K7L0R' },
    buyer: { name: 'Acme Haushaltswaren GmbH', country: 'DE' },
    incoterm: 'FOB',
    namedPlace: 'Ningbo',
    lines: [
      {
        sku: 'MUG-01',
        description: 'Ceramic mug 350 ml',
        hsCode: '6912001000',
        quantity: '1200',
        unitPrice: '1.35',
      },
    ],
    ...overrides,
  };
}

/** A partner record for tests: a generic HTTP partner sending order JSON. */
export function genericPartner(
  id: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    name: `Test partner ${id}`,
    kind: 'generic',
    connector: 'http-generic',
    formats: [{ format: 'json', messageType: 'generic.order', mapping: 'generic-order-json' }],
    transports: [{ kind: 'http-inbound', unsigned: true }],
    ...extra,
  };
}
