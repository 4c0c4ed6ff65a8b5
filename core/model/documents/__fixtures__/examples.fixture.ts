import type { DocumentTypeName } from '../../documents';
import * as banking from './banking.fixture';
import * as commerce from './commerce.fixture';
import { complianceAlert } from './compliance.fixture';
import * as customs from './customs.fixture';
import * as ecommerce from './customs-ecommerce.fixture';
import * as finance from './finance.fixture';
import * as logistics from './logistics.fixture';
import * as warehouse from './warehouse.fixture';

/** One realistic valid example per document type. */
export const EXAMPLES: Record<DocumentTypeName, unknown> = {
  SalesOrder: commerce.salesOrder,
  CommercialInvoice: commerce.commercialInvoice,
  PackingList: commerce.packingList,
  Booking: logistics.booking,
  BookingConfirmation: logistics.bookingConfirmation,
  ShippingInstruction: logistics.shippingInstruction,
  BillOfLading: logistics.billOfLading,
  ShipmentEvent: logistics.shipmentEvent,
  WarehouseInbound: warehouse.warehouseInbound,
  WarehouseInventory: warehouse.warehouseInventory,
  ItemMaster: warehouse.itemMaster,
  SailingSchedule: logistics.sailingSchedule,
  FreightInvoice: logistics.freightInvoice,
  TransportInstruction: logistics.transportInstruction,
  FulfillmentOrder: warehouse.fulfillmentOrder,
  FulfillmentEvent: warehouse.fulfillmentEvent,
  ExportDeclaration: customs.exportDeclaration,
  ImportDeclaration: customs.importDeclaration,
  DeclarationReceipt: customs.declarationReceipt,
  CertificateOfOrigin: customs.certificateOfOrigin,
  LetterOfCredit: banking.letterOfCredit,
  LcAmendment: banking.lcAmendment,
  BankStatement: banking.bankStatement,
  PaymentReceived: banking.paymentReceived,
  PaymentInstruction: banking.paymentInstruction,
  PaymentStatusReport: banking.paymentStatusReport,
  FxContract: banking.fxContract,
  FinancingRequest: finance.financingRequest,
  FinancingDecision: finance.financingDecision,
  VatInvoice: finance.vatInvoice,
  RebateClaim: finance.rebateClaim,
  RebateClaimReady: finance.rebateClaimReady,
  RebateRefund: finance.rebateRefund,
  InsurancePolicy: finance.insurancePolicy,
  CreditLimit: finance.creditLimit,
  InsuranceShipmentDeclaration: finance.insuranceShipmentDeclaration,
  Claim: finance.claim,
  ComplianceAlert: complianceAlert,
  PurchaseOrder: commerce.purchaseOrder,
  EcommercePayment: ecommerce.ecommercePayment,
  CustomsWaybill: ecommerce.customsWaybill,
  ParcelManifest: ecommerce.parcelManifest,
  CustomsInventory: ecommerce.customsInventory,
  InventoryCancellation: ecommerce.inventoryCancellation,
  SummaryDeclaration: ecommerce.summaryDeclaration,
  DespatchAdvice: commerce.despatchAdvice,
};
