import type { Envelope } from '../envelope/envelope';
import type { DocumentOf, DocumentTypeName } from './documents';

/**
 * The canonical events on `trade.events`: routing key -> the document type its envelopes
 * carry. A handler bound to a key here receives that document's payload type; the consumer
 * checks an envelope's documentType against this map before a handler sees it.
 */
export const EVENT_DOCUMENT_TYPES = {
  'commerce.order.created': 'SalesOrder',
  // Published by the commerce domain once per order when it is cancelled or returned: the
  // order as last known (amounts, lines, customsMode), for the services that must undo work.
  'commerce.order.cancelled': 'SalesOrder',
  'commerce.order.returned': 'SalesOrder',
  'commerce.invoice.issued': 'CommercialInvoice',
  'commerce.packing-list.issued': 'PackingList',
  'commerce.purchase-order.received': 'PurchaseOrder',
  'commerce.despatch-advice.received': 'DespatchAdvice',
  'logistics.booking.requested': 'Booking',
  'logistics.booking.confirmed': 'BookingConfirmation',
  'logistics.shipping-instruction.submitted': 'ShippingInstruction',
  'logistics.bill-of-lading.issued': 'BillOfLading',
  'logistics.shipment.status': 'ShipmentEvent',
  'logistics.schedule.received': 'SailingSchedule',
  'logistics.freight-invoice.received': 'FreightInvoice',
  // A shipper's or forwarder's order to carry (IFTMIN received), kept as sent.
  'logistics.transport-instruction.received': 'TransportInstruction',
  'warehouse.inbound.updated': 'WarehouseInbound',
  'warehouse.inventory.snapshot': 'WarehouseInventory',
  'warehouse.item-master.updated': 'ItemMaster',
  'warehouse.fulfillment.created': 'FulfillmentOrder',
  'warehouse.fulfillment.status': 'FulfillmentEvent',
  'clearance.export-declaration.filed': 'ExportDeclaration',
  'clearance.import-declaration.filed': 'ImportDeclaration',
  'clearance.declaration.receipt': 'DeclarationReceipt',
  'clearance.origin-certificate.issued': 'CertificateOfOrigin',
  'clearance.ecommerce-payment.filed': 'EcommercePayment',
  'clearance.ecommerce-waybill.filed': 'CustomsWaybill',
  'clearance.parcel-manifest.filed': 'ParcelManifest',
  'clearance.inventory.filed': 'CustomsInventory',
  'clearance.inventory-cancellation.filed': 'InventoryCancellation',
  'clearance.summary-declaration.filed': 'SummaryDeclaration',
  // Published by the clearance domain for the CEB701 summaries it files (POST
  // /clearance/summaries, the monthly run), then once per state its receipts move it to.
  'clearance.summary.declared': 'SummaryDeclaration',
  'clearance.summary.entered': 'SummaryDeclaration',
  'clearance.summary.released': 'SummaryDeclaration',
  'clearance.summary.rejected': 'SummaryDeclaration',
  'settlement.lc.issued': 'LetterOfCredit',
  'settlement.lc.amended': 'LcAmendment',
  'settlement.statement.received': 'BankStatement',
  'settlement.payment.received': 'PaymentReceived',
  'settlement.payment.instructed': 'PaymentInstruction',
  'settlement.payment.status': 'PaymentStatusReport',
  'settlement.fx-contract.booked': 'FxContract',
  'financing.request.submitted': 'FinancingRequest',
  'financing.request.decided': 'FinancingDecision',
  'rebate.vat-invoice.received': 'VatInvoice',
  'rebate.claim.filed': 'RebateClaim',
  // Published by the rebate domain once per claim when its last missing piece arrives.
  'rebate.claim.ready': 'RebateClaimReady',
  // The tax bureau's refund recorded on a claim (operator API or file import).
  'rebate.refund.received': 'RebateRefund',
  'insurance.policy.issued': 'InsurancePolicy',
  'insurance.credit-limit.decided': 'CreditLimit',
  'insurance.shipment.declared': 'InsuranceShipmentDeclaration',
  'insurance.claim.filed': 'Claim',
  'compliance.alert.raised': 'ComplianceAlert',
} as const satisfies Record<string, DocumentTypeName>;

export type CanonicalEventType = keyof typeof EVENT_DOCUMENT_TYPES;

/**
 * Payloads of events that carry no canonical document (the delivery queue's, a domain's own
 * events). The module that defines such a payload adds its routing key here by declaration
 * merging: `declare module '<path>/core/model/events' { interface NonDocumentEvents { ... } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by merging
export interface NonDocumentEvents {}

/** The payload of an event: its canonical document, a declared non-document payload, or unknown. */
export type EventPayload<K extends string> = K extends CanonicalEventType
  ? DocumentOf<(typeof EVENT_DOCUMENT_TYPES)[K]>
  : K extends keyof NonDocumentEvents
    ? NonDocumentEvents[K]
    : unknown;

/** The envelope a handler of routing key (or pattern) K receives. */
export type EventEnvelope<K extends string> = Envelope<EventPayload<K>>;

export function isCanonicalEvent(type: string): type is CanonicalEventType {
  return Object.hasOwn(EVENT_DOCUMENT_TYPES, type);
}

/** The document type a routing key carries, when it is a canonical event. */
export function documentTypeOfEvent(type: string): DocumentTypeName | undefined {
  return isCanonicalEvent(type) ? EVENT_DOCUMENT_TYPES[type] : undefined;
}
