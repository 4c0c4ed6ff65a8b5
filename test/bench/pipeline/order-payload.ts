/** A generic order JSON of about 1 KB, unique per index (so none is a duplicate). */
export function orderPayload(runId: string, i: number): Buffer {
  return Buffer.from(
    JSON.stringify({
      orderNo: `BENCH-${runId}-${i}`,
      orderDate: '2026-11-20T10:00:00+08:00',
      currency: 'USD',
      contractNo: `CT-${runId}-${i}`,
      seller: {
        name: '宁波海曙进出口有限公司',
        uscc: '91330203MA2H4K7L0R',
        customsCode: '3302960123',
      },
      buyer: {
        name: 'Acme Haushaltswaren GmbH',
        country: 'DE',
        address: ['Hafenstraße 12'],
        city: 'Hamburg',
        postalCode: '20457',
      },
      incoterm: 'FOB',
      namedPlace: 'Ningbo',
      customsMode: '0110',
      paymentMethod: 'TT',
      paymentDays: 30,
      lines: [
        {
          sku: 'MUG-01',
          description: 'Ceramic mug 350 ml, white glaze',
          hsCode: '6912001000',
          quantity: '1200',
          unitPrice: '1.35',
          originCountry: 'CN',
        },
        {
          sku: 'PLT-27',
          description: 'Stoneware plate 27 cm, reactive glaze',
          hsCode: '6912002990',
          quantity: '333',
          unitPrice: '2.105',
          originCountry: 'CN',
        },
        {
          sku: 'BWL-15',
          description: 'Porcelain bowl 15 cm',
          hsCode: '6911101900',
          quantity: '500',
          unitPrice: '0.98',
          originCountry: 'CN',
        },
      ],
      freight: '120.00',
      remarks: 'Cartons of 24 pieces, shipping marks as per PO, no wooden packaging',
    }),
  );
}
