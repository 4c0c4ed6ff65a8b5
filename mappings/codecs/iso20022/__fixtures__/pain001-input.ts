import type { Pain001Input, Pain001Version } from '../pain001-types';

/** A two-payment credit transfer: an export seller paying a forwarder and a supplier. */
export function pain001Input(version: Pain001Version): Pain001Input {
  const v9 = version === 'pain.001.001.09';
  return {
    version,
    msgId: 'TH-20240315-0001',
    createdAt: '2024-03-15T09:30:00+08:00',
    initiatingParty: { name: 'Ningbo Example Trading Co Ltd', orgId: '91330200MA2AXXXX1X' },
    payments: [
      {
        pmtInfId: 'TH-20240315-0001-P1',
        batchBooking: false,
        serviceLevel: 'SEPA',
        requestedExecutionDate: '2024-03-18',
        debtor: {
          name: 'Ningbo Example Trading Co Ltd',
          address: { town: 'Ningbo', country: 'CN' },
        },
        debtorAccount: { iban: 'DE89370400440532013000', currency: 'EUR' },
        debtorAgent: { bic: 'COBADEFFXXX' },
        chargeBearer: 'SLEV',
        transactions: [
          {
            instrId: 'INV-2024-0007',
            endToEndId: 'E2E-INV-2024-0007',
            uetr: v9 ? 'eb6305c9-1f7f-49de-aed0-16487c27b42d' : undefined,
            amount: { value: '1250.10', currency: 'EUR' },
            creditorAgent: { bic: 'WESTGB2L' },
            creditor: {
              name: 'Example Forwarding Ltd',
              address: { country: 'GB', addressLines: ['1 Dock Road', 'London'] },
            },
            creditorAccount: { iban: 'GB82WEST12345698765432' },
            remittance: { unstructured: 'Freight booking BKG0012345' },
          },
          {
            endToEndId: 'E2E-INV-2024-0008',
            amount: { value: '0.20', currency: 'EUR' },
            creditor: { name: 'Example Supplies GmbH' },
            creditorAccount: { iban: 'DE89370400440532013000' },
            remittance: { creditorRef: 'RF18539007547034' },
          },
        ],
      },
      {
        pmtInfId: 'TH-20240315-0001-P2',
        requestedExecutionDate: '2024-03-19',
        debtor: { name: 'Ningbo Example Trading Co Ltd' },
        debtorAccount: { otherId: '3901120109000012345', currency: 'CNY' },
        debtorAgent: { clearingMemberId: '102332000011' },
        transactions: [
          {
            endToEndId: 'E2E-PO-0099',
            amount: { value: '100000.00', currency: 'CNY' },
            creditor: { name: '宁波示例包装有限公司', bic: 'ICBKCNBJNBO' },
            creditorAccount: { otherId: '3901120109000067890' },
            purpose: 'SUPP',
          },
        ],
      },
    ],
  };
}
