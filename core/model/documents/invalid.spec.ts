import { TradeError } from '../../errors/trade-error';
import { validateDocument, type DocumentTypeName } from '../documents';
import { EXAMPLES } from './__fixtures__/examples.fixture';

type Path = Array<string | number>;
const DELETE = Symbol('delete');

// Copy the valid example and change one field, so each case fails for the reason it names.
function broken(name: DocumentTypeName, path: Path, value: unknown): unknown {
  const copy = structuredClone(EXAMPLES[name]) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}

const uscc = { scheme: 'USCC', value: '91350100M000100Y43' };

// prettier-ignore
const CASES: Array<[DocumentTypeName, string, Path, unknown, string, RegExp]> = [
  ['SalesOrder', 'no lines', ['lines'], [], '/lines', /at least one line/],
  ['SalesOrder', 'price in another currency', ['lines', 0, 'unitPrice', 'currency'], 'EUR', '/lines/0/unitPrice/currency', /differs/],
  ['CommercialInvoice', 'float amount', ['totalAmount', 'amount'], 21000, '/totalAmount/amount', /expected string/],
  ['CommercialInvoice', 'Incoterms 2010 rule', ['terms', 'incoterm'], 'DAT', '/terms/incoterm', /Incoterms 2020/],
  ['PackingList', 'unknown unit', ['units', 0, 'contents', 0, 'quantity', 'unit'], 'PCS', '/units/0/contents/0/quantity/unit', /Rec 20/],
  ['Booking', 'no booking reference', ['bookingRequestRef'], DELETE, '/bookingRequestRef', /bookingRequestRef or bookingNo/],
  ['Booking', 'unknown DCSA status', ['status'], 'ACCEPTED', '/status', /./],
  ['BookingConfirmation', 'port as free text', ['portOfLoading', 'unLocode'], 'CN NGB', '/portOfLoading/unLocode', /UN\/LOCODE/],
  ['ShippingInstruction', 'no consignee, not to order', ['consignee'], DELETE, '/consignee', /isToOrder/],
  ['ShippingInstruction', 'wrong container check digit', ['containers', 0, 'containerNo'], 'CSQU3054384', '/containers/0/containerNo', /check digit/],
  ['BillOfLading', 'issued without on-board date', ['shippedOnBoardDate'], DELETE, '/shippedOnBoardDate', /on-board/],
  ['BillOfLading', 'B/L number over 20 characters', ['blNo'], 'MAEU2534198760000000001', '/blNo', /./],
  ['ShipmentEvent', 'code of another kind', ['eventCode'], 'DEPA', '/eventCode', /not a EQUIPMENT event code/],
  ['ShipmentEvent', 'local time without zone', ['eventDateTime'], '2025-04-20T14:32:18', '/eventDateTime', /with zone/],
  ['WarehouseInbound', 'raw provider status as status', ['status'], 'G', '/status', /./],
  ['WarehouseInventory', 'negative stock', ['items', 0, 'available'], -1, '/items/0/available', /./],
  ['FulfillmentOrder', 'alpha-3 country', ['shipTo', 'address', 'country'], 'USA', '/shipTo/address/country', /ISO 3166-1/],
  ['FulfillmentOrder', 'GTIN with a wrong check digit', ['lines', 0, 'gtin'], '036000291453', '/lines/0/gtin', /check digit/],
  ['FulfillmentOrder', 'X12 unit instead of Rec 20', ['lines', 0, 'unit'], 'LB', '/lines/0/unit', /Rec 20/],
  ['FulfillmentEvent', 'raw status dropped', ['rawStatus'], DELETE, '/rawStatus', /./],
  ['ExportDeclaration', '8-digit HS on a line', ['lines', 0, 'hsCode'], '85167190', '/lines/0/hsCode', /10-digit/],
  ['ExportDeclaration', 'consignor without customs code', ['consignor', 'identifiers'], [uscc], '/consignor/identifiers', /USCC and CUSTOMS/],
  ['ExportDeclaration', 'supervision mode as a number', ['supervisionMode'], 110, '/supervisionMode', /expected string/],
  ['ImportDeclaration', 'no identifying number', ['clientRef'], DELETE, '/entryId', /entryId, preEntryId or clientRef/],
  ['DeclarationReceipt', 'status text instead of code', ['returnStatus'], 'released', '/returnStatus', /numeric code/],
  ['CertificateOfOrigin', 'RVC without FOB value', ['lines', 0, 'fobValue'], DELETE, '/lines/0/rvcPercent', /rvcPercent and fobValue/],
  ['LetterOfCredit', 'negative credit amount', ['amount', 'amount'], '-21000.00', '/amount/amount', /negative/],
  ['LetterOfCredit', 'no documents required', ['documentsRequired'], [], '/documentsRequired', /46A/],
  ['LcAmendment', 'SWIFT keyword as action', ['changes', 'documentsRequired', 0, 'action'], 'REPALL', '/changes/documentsRequired/0/action', /./],
  ['BankStatement', 'SWIFT comma amount', ['balances', 0, 'amount', 'amount'], '1234,56', '/balances/0/amount/amount', /plain decimal/],
  ['PaymentReceived', 'bad UETR', ['uetr'], 'not-a-uuid', '/uetr', /UUID/],
  ['PaymentInstruction', 'IBAN with bad check digits', ['transactions', 0, 'creditorAccount', 'iban'], 'DE88370400440532013000', '/transactions/0/creditorAccount/iban', /mod 97/],
  ['FxContract', 'rate for another pair', ['rate', 'quote'], 'HKD', '/rate', /does not match/],
  ['FxContract', 'swap without its far leg', ['contractType'], 'SWAP', '/farLeg', /far leg/],
  ['FxContract', 'far leg on a forward', ['farLeg'], { valueDate: '2025-08-22', soldAmount: { amount: '149100.00', currency: 'CNY' }, boughtAmount: { amount: '21000.00', currency: 'USD' }, rate: { base: 'USD', quote: 'CNY', value: '7.1000' } }, '/farLeg', /only a swap/],
  ['BankStatement', 'no balances outside intraday', ['balances'], [], '/balances', /carries balances/],
  ['FinancingRequest', 'unknown product', ['product'], 'LOAN', '/product', /./],
  ['FinancingDecision', 'approval without amount', ['approvedAmount'], DELETE, '/approvedAmount', /approvedAmount/],
  ['VatInvoice', 'VAT in USD', ['totalTax', 'currency'], 'USD', '/totalTax/currency', /document currency CNY/],
  ['VatInvoice', 'seller without USCC', ['seller', 'identifiers'], [], '/seller/identifiers', /USCC/],
  ['RebateClaim', 'statutory unit not a customs code', ['lines', 0, 'statutoryQuantity', 'unit'], 'KGM', '/lines/0/statutoryQuantity/unit', /3 digits/],
  ['RebateClaim', 'period with month 13', ['period'], '202513', '/period', /YYYYMM/],
  ['InsurancePolicy', 'period ending before it starts', ['periodEnd'], '2024-12-31', '/periodEnd', /ends after it starts/],
  ['CreditLimit', 'credit days beyond cover', ['creditDays'], 400, '/creditDays', /./],
  ['InsuranceShipmentDeclaration', 'missing due date', ['dueDate'], DELETE, '/dueDate', /./],
  ['Claim', 'no invoices', ['invoiceNos'], [], '/invoiceNos', /unpaid invoices/],
  ['ComplianceAlert', 'denied-party alert without hits', ['hits'], [], '/hits', /lists its hits/],
  ['ComplianceAlert', 'unknown reference kind', ['related'], { poNumber: ['1'] }, '/related', /./],
];

describe.each(CASES)('%s: %s', (name, _why, path, value, pointer, message) => {
  it(`fails at ${pointer}`, () => {
    let error: unknown;
    try {
      validateDocument(name, broken(name, path, value));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TradeError);
    const err = error as TradeError;
    expect([err.kind, err.stage]).toEqual(['mapping', 'validate']);
    expect(err.location?.pointer).toBe(pointer);
    expect(err.message).toMatch(message);
  });
});
