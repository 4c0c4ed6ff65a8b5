import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  DOCUMENT_TYPE_NAMES,
  exportJsonSchemas,
  getDocumentDefinition,
  validateDocument,
  type DocumentTypeName,
} from '../documents';
import { createEnvelope } from '../../envelope/envelope';
import type { TradeRefs } from '../trade-refs';
import { EXAMPLES } from './__fixtures__/examples.fixture';

const order = { orderNo: ['SO-2025-0417'] };
const contract = { contractNo: ['HT25US017'] };
const invoice = { invoiceNo: ['HT25-INV-0088'] };
const declaration = { declarationNo: ['310420250518004217'] };
const lc = { lcNo: ['FPB25LC0417'] };
const bl = { blNo: ['MAEU253419876'] };
const container = { containerNo: ['CSQU3054383'] };
const policy = { policyNo: ['SCP2025-330012'] };

/** The references each example names: what an operator can find the trade by. */
const EXPECTED_REFS: Record<DocumentTypeName, TradeRefs> = {
  SalesOrder: { ...order, ...contract },
  CommercialInvoice: { ...invoice, ...order, ...contract, ...lc, ...bl },
  PackingList: { ...invoice, ...order, ...container },
  Booking: { bookingNo: ['BR-HT-25-0417'], ...order, ...contract },
  BookingConfirmation: { bookingNo: ['253419876', 'BR-HT-25-0417'], ...container },
  ShippingInstruction: { bookingNo: ['253419876'], ...container, ...invoice, ...declaration },
  BillOfLading: { ...bl, bookingNo: ['253419876'], ...container, ...invoice, ...declaration },
  ShipmentEvent: { ...container, ...bl, bookingNo: ['253419876'], ...order },
  WarehouseInbound: {
    asnNo: ['ASN-HT-250502', 'OC0125050200017'],
    containerNo: ['MSKU1234565'],
    declarationNo: ['310420250518004299'],
  },
  WarehouseInventory: {},
  ItemMaster: {},
  SailingSchedule: {},
  TransportInstruction: {
    shipmentNo: ['FWD-TO-250512-07'],
    bookingNo: ['253419876'],
    ...order,
    trackingNo: ['PLT-0417-1'],
  },
  FreightInvoice: {
    invoiceNo: ['SWFD-INV-250716-01'],
    shipmentNo: ['PRO778812'],
    ...bl,
    ...container,
  },
  FulfillmentOrder: { fulfillmentNo: ['FO-250521-0001'], orderNo: ['2505213QXK7M1P'] },
  FulfillmentEvent: {
    fulfillmentNo: ['FO-250521-0001', '4PX-OB-99120'],
    orderNo: ['2505213QXK7M1P'],
    trackingNo: ['9400111899560912345678'],
  },
  ExportDeclaration: {
    declarationNo: ['310420250518004217', 'I20250000123456789', 'HT-DEC-0417'],
    ...bl,
    ...contract,
    ...invoice,
    ...container,
  },
  ImportDeclaration: {
    declarationNo: ['IMP-25-0031'],
    ...bl,
    ...contract,
    ...invoice,
    ...container,
  },
  DeclarationReceipt: {
    declarationNo: ['310420250518004217', 'I20250000123456789', 'HT-DEC-0417'],
  },
  CertificateOfOrigin: {
    certificateNo: ['R2533040012345'],
    invoiceNo: ['HT25-INV-0091'],
    ...declaration,
  },
  LetterOfCredit: { ...lc, ...contract },
  LcAmendment: lc,
  BankStatement: { paymentRef: ['LAKESIDE-PO-7781', 'FEE-0522'] },
  PaymentReceived: {
    paymentRef: ['BOC2505220017', 'LAKESIDE-PO-7781'],
    ...invoice,
    ...lc,
  },
  PaymentInstruction: { paymentRef: ['HT-E2E-250601-1'], invoiceNo: ['RK-INV-2025-311'] },
  PaymentStatusReport: { paymentRef: ['HT-E2E-250601-1', 'HT-E2E-250601-2'] },
  FxContract: { fxDealNo: ['FWD-BOC-25-00912'], ...invoice, ...lc },
  FinancingRequest: {
    financingNo: ['FIN-25-0042'],
    ...contract,
    ...invoice,
    ...declaration,
    ...bl,
    ...policy,
  },
  FinancingDecision: { financingNo: ['FIN-25-0042'] },
  VatInvoice: { invoiceNo: ['25332000000012345678'] },
  RebateClaim: {
    rebateClaimNo: ['TS2025050001'],
    ...declaration,
    invoiceNo: ['25332000000012345678'],
  },
  RebateClaimReady: { rebateClaimNo: ['RB-310420250518004217'], ...declaration },
  RebateRefund: { rebateClaimNo: ['RB-310420250518004217'], ...declaration },
  InsurancePolicy: policy,
  CreditLimit: policy,
  InsuranceShipmentDeclaration: {
    ...policy,
    invoiceNo: ['HT25-INV-0089'],
    blNo: ['MAEU253419901'],
    declarationNo: ['310420250518004230'],
  },
  Claim: {
    claimNo: ['CL-2025-0007'],
    ...policy,
    invoiceNo: ['HT25-INV-0089'],
    blNo: ['MAEU253419901'],
    declarationNo: ['310420250518004230'],
  },
  ComplianceAlert: { ...order, ...contract },
  PurchaseOrder: { orderNo: ['PO-88-5521'] },
  EcommercePayment: { orderNo: ['2505213QXK7M1P'], paymentRef: ['PAY250521000187'] },
  CustomsWaybill: { trackingNo: ['YT2505210000187'] },
  ParcelManifest: {
    trackingNo: ['YT2505210000187'],
    blNo: ['78012345675'],
    declarationNo: ['DEP250522001'],
  },
  CustomsInventory: {
    orderNo: ['2505213QXK7M1P'],
    trackingNo: ['YT2505210000187'],
    declarationNo: ['310520250000000187', 'INV250521000187'],
  },
  InventoryCancellation: { declarationNo: ['310520250000000187', 'INV250521000187'] },
  SummaryDeclaration: {
    declarationNo: ['SUM202505', '310520250000000187', '310520250000000188'],
  },
  DespatchAdvice: { orderNo: ['PO-88-5521'] },
};

describe.each(DOCUMENT_TYPE_NAMES)('%s example', (name) => {
  const example = EXAMPLES[name];

  it('validates and comes back unchanged', () => {
    expect(validateDocument(name, example)).toEqual(example);
  });

  it('names its trade references', () => {
    const def = getDocumentDefinition(name);
    expect(def.refs(validateDocument(name, example))).toEqual(EXPECTED_REFS[name]);
  });
});

describe('exported JSON Schemas', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const schemas = exportJsonSchemas();

  it.each(DOCUMENT_TYPE_NAMES)('%s: the example is valid for partners too', (name) => {
    const validate = ajv.compile(schemas[name]);
    expect(validate(EXAMPLES[name]) ? [] : validate.errors).toEqual([]);
  });

  it.each(DOCUMENT_TYPE_NAMES)('%s: a payload without its fields is refused', (name) => {
    expect(ajv.validate(schemas[name], {})).toBe(false);
  });

  it('includes the envelope, valid for an envelope carrying a document', () => {
    const envelope = createEnvelope({
      type: 'commerce.order.created',
      documentType: 'SalesOrder',
      version: '1',
      payload: EXAMPLES.SalesOrder,
      source: { partnerId: 'ht', connector: 'erp-http', transport: 'http', format: 'json' },
      refs: getDocumentDefinition('SalesOrder').refs(EXAMPLES.SalesOrder),
      receivedAt: '2025-03-03T01:15:00.000Z',
    });
    const plain = JSON.parse(JSON.stringify(envelope)) as unknown;
    expect(ajv.validate(schemas.Envelope, plain) ? [] : ajv.errors).toEqual([]);
  });
});
