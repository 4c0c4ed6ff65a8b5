import { z } from 'zod';
import { EnvelopeSchema } from '../envelope/envelope';
import { TradeError } from '../errors/trade-error';
import type { DocumentDefinition } from './define-document';
import { LcAmendmentDocument, LetterOfCreditDocument } from './documents/banking-lc.schema';
import { FxContractDocument } from './documents/banking-fx.schema';
import {
  BankStatementDocument,
  PaymentInstructionDocument,
  PaymentReceivedDocument,
  PaymentStatusReportDocument,
} from './documents/banking-payment.schema';
import {
  CommercialInvoiceDocument,
  PackingListDocument,
  SalesOrderDocument,
} from './documents/commerce.schema';
import { PurchaseOrderDocument } from './documents/commerce-purchase-order.schema';
import { DespatchAdviceDocument } from './documents/commerce-despatch-advice.schema';
import { SailingScheduleDocument } from './documents/logistics-schedule.schema';
import { ComplianceAlertDocument } from './documents/compliance.schema';
import {
  DeclarationReceiptDocument,
  ExportDeclarationDocument,
  ImportDeclarationDocument,
} from './documents/customs-declaration.schema';
import {
  CustomsWaybillDocument,
  EcommercePaymentDocument,
  ParcelManifestDocument,
} from './documents/customs-ecommerce.schema';
import {
  CustomsInventoryDocument,
  InventoryCancellationDocument,
  SummaryDeclarationDocument,
} from './documents/customs-inventory.schema';
import { CertificateOfOriginDocument } from './documents/customs-origin.schema';
import { FinancingDecisionDocument, FinancingRequestDocument } from './documents/financing.schema';
import {
  ClaimDocument,
  CreditLimitDocument,
  InsurancePolicyDocument,
  InsuranceShipmentDeclarationDocument,
} from './documents/insurance.schema';
import { BookingConfirmationDocument, BookingDocument } from './documents/logistics-booking.schema';
import {
  BillOfLadingDocument,
  ShippingInstructionDocument,
} from './documents/logistics-document.schema';
import { ShipmentEventDocument } from './documents/logistics-event.schema';
import { FreightInvoiceDocument } from './documents/logistics-freight-invoice.schema';
import { TransportInstructionDocument } from './documents/logistics-transport-instruction.schema';
import {
  RebateClaimDocument,
  RebateClaimReadyDocument,
  RebateRefundDocument,
  VatInvoiceDocument,
} from './documents/rebate.schema';
import {
  FulfillmentEventDocument,
  FulfillmentOrderDocument,
  WarehouseInboundDocument,
  WarehouseInventoryDocument,
  ItemMasterDocument,
} from './documents/warehouse.schema';

export type { DocumentDefinition } from './define-document';

export const DOCUMENT_TYPE_NAMES = [
  'SalesOrder',
  'CommercialInvoice',
  'PackingList',
  'Booking',
  'BookingConfirmation',
  'ShippingInstruction',
  'BillOfLading',
  'ShipmentEvent',
  'WarehouseInbound',
  'WarehouseInventory',
  'FulfillmentOrder',
  'FulfillmentEvent',
  'ExportDeclaration',
  'ImportDeclaration',
  'DeclarationReceipt',
  'CertificateOfOrigin',
  'LetterOfCredit',
  'LcAmendment',
  'BankStatement',
  'PaymentReceived',
  'PaymentInstruction',
  'PaymentStatusReport',
  'FxContract',
  'FinancingRequest',
  'FinancingDecision',
  'VatInvoice',
  'RebateClaim',
  'RebateClaimReady',
  'RebateRefund',
  'InsurancePolicy',
  'CreditLimit',
  'InsuranceShipmentDeclaration',
  'Claim',
  'ComplianceAlert',
  'PurchaseOrder',
  'EcommercePayment',
  'CustomsWaybill',
  'ParcelManifest',
  'CustomsInventory',
  'InventoryCancellation',
  'SummaryDeclaration',
  'DespatchAdvice',
  'ItemMaster',
  'SailingSchedule',
  'FreightInvoice',
  'TransportInstruction',
] as const;
export type DocumentTypeName = (typeof DOCUMENT_TYPE_NAMES)[number];

// Kept with its literal types, so a document's payload type can be looked up by its name.
const DOCUMENT_DEFINITIONS = {
  SalesOrder: SalesOrderDocument,
  CommercialInvoice: CommercialInvoiceDocument,
  PackingList: PackingListDocument,
  Booking: BookingDocument,
  BookingConfirmation: BookingConfirmationDocument,
  ShippingInstruction: ShippingInstructionDocument,
  BillOfLading: BillOfLadingDocument,
  ShipmentEvent: ShipmentEventDocument,
  WarehouseInbound: WarehouseInboundDocument,
  WarehouseInventory: WarehouseInventoryDocument,
  FulfillmentOrder: FulfillmentOrderDocument,
  FulfillmentEvent: FulfillmentEventDocument,
  ExportDeclaration: ExportDeclarationDocument,
  ImportDeclaration: ImportDeclarationDocument,
  DeclarationReceipt: DeclarationReceiptDocument,
  CertificateOfOrigin: CertificateOfOriginDocument,
  LetterOfCredit: LetterOfCreditDocument,
  LcAmendment: LcAmendmentDocument,
  BankStatement: BankStatementDocument,
  PaymentReceived: PaymentReceivedDocument,
  PaymentInstruction: PaymentInstructionDocument,
  PaymentStatusReport: PaymentStatusReportDocument,
  FxContract: FxContractDocument,
  FinancingRequest: FinancingRequestDocument,
  FinancingDecision: FinancingDecisionDocument,
  VatInvoice: VatInvoiceDocument,
  RebateClaim: RebateClaimDocument,
  RebateClaimReady: RebateClaimReadyDocument,
  RebateRefund: RebateRefundDocument,
  InsurancePolicy: InsurancePolicyDocument,
  CreditLimit: CreditLimitDocument,
  InsuranceShipmentDeclaration: InsuranceShipmentDeclarationDocument,
  Claim: ClaimDocument,
  ComplianceAlert: ComplianceAlertDocument,
  PurchaseOrder: PurchaseOrderDocument,
  EcommercePayment: EcommercePaymentDocument,
  CustomsWaybill: CustomsWaybillDocument,
  ParcelManifest: ParcelManifestDocument,
  CustomsInventory: CustomsInventoryDocument,
  InventoryCancellation: InventoryCancellationDocument,
  SummaryDeclaration: SummaryDeclarationDocument,
  DespatchAdvice: DespatchAdviceDocument,
  ItemMaster: ItemMasterDocument,
  SailingSchedule: SailingScheduleDocument,
  FreightInvoice: FreightInvoiceDocument,
  TransportInstruction: TransportInstructionDocument,
} as const satisfies Record<DocumentTypeName, DocumentDefinition>;

/** Every canonical document type, by name (the typed definitions are exported one by one). */
export const DOCUMENTS: Record<DocumentTypeName, DocumentDefinition> = DOCUMENT_DEFINITIONS;

/** The payload type of a canonical document, by name: `DocumentOf<'ShipmentEvent'>`. */
export type DocumentOf<N extends DocumentTypeName> = z.infer<
  (typeof DOCUMENT_DEFINITIONS)[N]['schema']
>;

export function isDocumentTypeName(name: string): name is DocumentTypeName {
  return Object.hasOwn(DOCUMENTS, name);
}

/** The definition of a document type; an unknown name is a programming or config error. */
export function getDocumentDefinition(name: string): DocumentDefinition {
  if (!isDocumentTypeName(name)) {
    throw new TradeError('internal', `unknown canonical document type "${name}"`, {
      code: 'UNKNOWN_DOCUMENT',
    });
  }
  return DOCUMENTS[name];
}

const MAX_LISTED_ISSUES = 5;

/** RFC 6901 JSON pointer of a zod issue path. */
export function jsonPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Validates a payload against its document schema and returns the parsed value. Failures are
 * mapping errors at stage 'validate', located by the JSON pointer of the first issue.
 */
export function validateDocument<T>(name: string, payload: unknown): T {
  const def = getDocumentDefinition(name);
  const result = def.schema.safeParse(payload);
  if (result.success) return result.data as T;
  const issues = result.error.issues;
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((i) => `${jsonPointer(i.path) || '/'}: ${i.message}`);
  const more =
    issues.length > MAX_LISTED_ISSUES ? `; and ${issues.length - MAX_LISTED_ISSUES} more` : '';
  throw new TradeError(
    'mapping',
    `${name} v${def.version} invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}): ${listed.join('; ')}${more}`,
    {
      stage: 'validate',
      location: { pointer: jsonPointer(issues[0]?.path ?? []) },
      code: 'INVALID_DOCUMENT',
      cause: result.error,
    },
  );
}

const SCHEMA_BASE = 'https://tradehub.example/schemas';
const ENVELOPE_VERSION = '1';

function toJsonSchema(schema: z.ZodType, name: string, version: string): object {
  return {
    ...z.toJSONSchema(schema, { target: 'draft-2020-12' }),
    $id: `${SCHEMA_BASE}/${name}-${version}.json`,
    title: name,
  };
}

/** JSON Schema of every document (and the envelope), keyed by name, for partners and docs. */
export function exportJsonSchemas(): Record<string, object> {
  const out: Record<string, object> = {
    Envelope: toJsonSchema(EnvelopeSchema, 'Envelope', ENVELOPE_VERSION),
  };
  for (const name of DOCUMENT_TYPE_NAMES) {
    const def = DOCUMENTS[name];
    out[name] = toJsonSchema(def.schema, def.name, def.version);
  }
  return out;
}
