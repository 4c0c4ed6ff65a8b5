import type { Pool } from 'pg';
import { createEnvelope } from '../../core/envelope/envelope';
import { commercialInvoice } from '../../core/model/documents/__fixtures__/commerce.fixture';
import type { PaymentInstruction } from '../../core/model/documents/banking-payment.schema';
import type { PartnerRecord } from '../../core/partners/partner.schema';
import { publishEnvelope } from '../support/publish-envelope';
import type { TestGateway } from '../support/gateway-harness';
import type { SftpTestServer } from '../support/sftp-server';

export const NBHS_ACCOUNT = '3901120109000012345';
export const SZYT_ACCOUNT = '4000023009200456789';

// A host-to-host channel per corporate customer at the same (simulated) bank.
export function bankPartner(
  id: string,
  clientId: string,
  server: SftpTestServer,
  options: {
    sftp?: Record<string, unknown>;
    /** The outbound format entry for PaymentInstruction (default pain.001). */
    out?: PartnerRecord['formats'][number];
  } = {},
): PartnerRecord {
  const out = options.out ?? {
    format: 'iso20022',
    messageType: 'pain.001',
    direction: 'out',
    mapping: 'iso20022-pain001-render',
  };
  return {
    id,
    name: `Bank channel ${id}`,
    kind: 'bank',
    connector: 'bank-sftp',
    enabled: true,
    clientId,
    identifiers: [],
    clientRules: [],
    settings: {},
    formats: [
      { format: 'iso20022', messageType: 'camt.054', direction: 'in' },
      { format: 'iso20022', messageType: 'pain.002', direction: 'in' },
      out,
    ],
    transports: [
      {
        ...server.settings(id, {
          completeness: 'xml-wellformed',
          pollIntervalSec: 1_000_000,
          ...options.sftp,
        }),
        kind: 'sftp',
        direction: 'both',
      },
    ],
  };
}

export const instruction = (
  messageId: string,
  transfers: Array<[string, string]>,
): PaymentInstruction => ({
  messageId,
  createdAt: '2025-05-02T09:00:00+08:00',
  initiatingParty: { name: 'Shenzhen Yuntong E-commerce Co Ltd' },
  paymentInfoId: `${messageId}-P1`,
  method: 'TRF',
  requestedExecutionDate: '2025-05-02',
  debtor: { name: 'Shenzhen Yuntong E-commerce Co Ltd' },
  debtorAccount: { number: SZYT_ACCOUNT, currency: 'USD' },
  debtorAgentBic: 'ICBKCNBJSZN',
  transactions: transfers.map(([endToEndId, amount]) => ({
    endToEndId,
    amount: { amount, currency: 'USD' },
    creditor: { name: 'Ningbo Haishu Import and Export Co Ltd' },
    creditorAccount: { number: NBHS_ACCOUNT, currency: 'USD' },
    creditorAgentBic: 'ICBKCNBJNBO',
    remittanceInfo: 'INVOICE HT25-INV-0088',
  })),
});

/** The exporter's invoice HT25-INV-0088 for client nbhs, as the normalizer stores and publishes it. */
export async function publishNbhsInvoice(pool: Pool): Promise<void> {
  const invoice = createEnvelope({
    type: 'commerce.invoice.issued',
    documentType: 'CommercialInvoice',
    version: '1',
    payload: commercialInvoice,
    source: {
      partnerId: 'acme-webshop',
      connector: 'http-generic',
      transport: 'http',
      format: 'json',
    },
    refs: { invoiceNo: [commercialInvoice.invoiceNo] },
    receivedAt: '2025-04-18T10:00:00+08:00',
    clientId: 'nbhs',
  });
  await publishEnvelope(pool, invoice);
}

/** POSTs a payment instruction of `transfers` ([endToEndId, USD amount]) to a bank channel. */
export function sendInstruction(
  gw: TestGateway,
  key: string,
  partnerId: string,
  messageId: string,
  transfers: Array<[string, string]>,
): Promise<Response> {
  return gw.request('/settlement/payment-instructions', {
    method: 'POST',
    key,
    json: { partnerId, instruction: instruction(messageId, transfers) },
  });
}
