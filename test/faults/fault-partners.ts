import { orderJson } from '../support/fixtures';
import { signedHeaders } from '../support/webhook-signing';

/** One logical message of the load: where it goes, its body, its partner message id. */
export interface FaultMessage {
  index: number;
  partnerId: string;
  messageId: string;
  orderNo: string;
  body: Buffer;
}

export interface FaultPartner {
  id: string;
  yaml: string;
  /** Authentication headers for one push (signed afresh for each try: timestamps age). */
  headers(body: Buffer): Record<string, string>;
}

const SHOP_A_SECRET = 'faults-shop-a-webhook-secret-0123';
const SHOP_B_TOKEN = 'faults-shop-b-shared-token-0123456';

const genericPartner = (id: string, auth: string) => `id: ${id}
name: Fault suite ${id}
kind: generic
connector: http-generic
enabled: true
clients: [nbhs]
identifiers:
  - { scheme: HTTP, value: ${id} }
formats:
  - { format: json, messageType: generic.order, mapping: generic-order-json, direction: in }
transports:
  - kind: http-inbound
    messageIdHeader: x-message-id
    ${auth}
`;

/**
 * Two webshops posting JSON orders, one HMAC-signed (as acme-webshop) and one with a shared
 * token, so both webhook verifiers and two partners' dedupe scopes are under load.
 */
export const FAULT_PARTNERS: readonly FaultPartner[] = [
  {
    id: 'faults-shop-a',
    yaml: genericPartner('faults-shop-a', `webhookSecret: '${SHOP_A_SECRET}'`),
    headers: (body) => signedHeaders(SHOP_A_SECRET, body),
  },
  {
    id: 'faults-shop-b',
    yaml: genericPartner('faults-shop-b', `sharedToken: '${SHOP_B_TOKEN}'`),
    headers: () => ({ 'x-tradehub-token': SHOP_B_TOKEN }),
  },
];

/** The i-th message of a run: partners alternate, and order sizes vary from 1 to 3 lines. */
export function faultMessage(run: string, index: number): FaultMessage {
  const partner = FAULT_PARTNERS[index % FAULT_PARTNERS.length];
  const orderNo = `FLT-${run}-${index}`;
  const lines = Array.from({ length: 1 + (index % 3) }, (_, n) => ({
    sku: `SKU-${n + 1}`,
    description: `Ceramic item ${n + 1}`,
    hsCode: '6912001000',
    quantity: String(100 + n),
    unitPrice: `${1 + n}.25`,
  }));
  const order = orderJson(orderNo, { lines });
  return {
    index,
    partnerId: partner.id,
    messageId: `msg-${orderNo}`,
    orderNo,
    body: Buffer.from(JSON.stringify(order)),
  };
}

export function partnerOf(id: string): FaultPartner {
  const partner = FAULT_PARTNERS.find((p) => p.id === id);
  if (!partner) throw new Error(`no fault partner ${id}`);
  return partner;
}
