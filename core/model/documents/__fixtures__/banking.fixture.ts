import type { FxContract } from '../banking-fx.schema';
import type { LcAmendment, LetterOfCredit } from '../banking-lc.schema';
import type {
  BankStatement,
  PaymentInstruction,
  PaymentReceived,
  PaymentStatusReport,
} from '../banking-payment.schema';
import { advisingBank, buyer, issuingBank, seller } from './parties.fixture';

export const letterOfCredit: LetterOfCredit = {
  lcNo: 'FPB25LC0417',
  issueDate: '2025-03-10',
  issuingBank,
  advisingBank,
  formOfCredit: 'IRREVOCABLE',
  applicableRules: 'UCP LATEST VERSION',
  expiryDate: '2025-05-31',
  expiryPlace: 'CHINA',
  applicant: buyer,
  beneficiary: seller,
  amount: { amount: '21000.00', currency: 'USD' },
  tolerance: { plusPercent: 5, minusPercent: 5 },
  availableWith: 'ANY BANK',
  availableBy: 'NEGOTIATION',
  draftsAt: 'AT SIGHT',
  partialShipments: 'NOT_ALLOWED',
  transhipment: 'ALLOWED',
  portOfLoading: 'NINGBO, CHINA',
  portOfDischarge: 'LONG BEACH, USA',
  latestShipmentDate: '2025-04-30',
  goodsDescription: '2400 PCS ELECTRIC KETTLES AS PER CONTRACT HT25US017, FOB NINGBO',
  documentsRequired: [
    'SIGNED COMMERCIAL INVOICE IN 3 COPIES',
    'FULL SET CLEAN ON BOARD OCEAN BILLS OF LADING MADE OUT TO ORDER',
    'PACKING LIST IN 3 COPIES',
  ],
  presentationPeriodDays: 21,
  confirmation: 'WITHOUT',
  contractNo: 'HT25US017',
};

export const lcAmendment: LcAmendment = {
  lcNo: 'FPB25LC0417',
  amendmentNo: 1,
  amendmentDate: '2025-04-08',
  issueDate: '2025-03-10',
  purpose: 'ISSU',
  changes: {
    latestShipmentDate: '2025-05-10',
    expiryDate: '2025-06-10',
    amountIncrease: { amount: '2100.00', currency: 'USD' },
    documentsRequired: [{ action: 'ADD', text: 'CERTIFICATE OF ORIGIN ISSUED BY CCPIT' }],
  },
  beneficiaryConsent: 'PENDING',
  newAmount: { amount: '23100.00', currency: 'USD' },
};

const ourAccount = { number: '3901234567890123', currency: 'USD' as const, bankBic: 'BKCHCNBJ92A' };

export const bankStatement: BankStatement = {
  statementId: 'STMT250522',
  sequenceNo: '142/1',
  account: ourAccount,
  fromDate: '2025-05-22',
  toDate: '2025-05-22',
  balances: [
    {
      type: 'OPENING',
      creditDebit: 'CREDIT',
      amount: { amount: '1234.56', currency: 'USD' },
      date: '2025-05-21',
    },
    {
      type: 'CLOSING',
      creditDebit: 'CREDIT',
      amount: { amount: '22134.56', currency: 'USD' },
      date: '2025-05-22',
    },
  ],
  entries: [
    {
      entryRef: '1',
      valueDate: '2025-05-22',
      bookingDate: '2025-05-22',
      creditDebit: 'CREDIT',
      amount: { amount: '20950.00', currency: 'USD' },
      transactionCode: 'S103',
      accountOwnerRef: 'NONREF',
      bankRef: 'BOC2505220017',
      endToEndId: 'LAKESIDE-PO-7781',
      remittanceInfo: 'INV HT25-INV-0088 LC FPB25LC0417',
    },
    {
      valueDate: '2025-05-22',
      creditDebit: 'DEBIT',
      amount: { amount: '50.00', currency: 'USD' },
      transactionCode: 'NCHG',
      accountOwnerRef: 'FEE-0522',
    },
  ],
};

export const paymentReceived: PaymentReceived = {
  paymentRef: 'BOC2505220017',
  valueDate: '2025-05-22',
  receivedAt: '2025-05-22T10:02:00+08:00',
  amount: { amount: '20950.00', currency: 'USD' },
  charges: { amount: '50.00', currency: 'USD' },
  account: ourAccount,
  payer: buyer,
  payerBankBic: 'FPBKUS33XXX',
  endToEndId: 'LAKESIDE-PO-7781',
  uetr: '7170d563-925d-4ae0-af36-b601b08c3d2a',
  remittanceInfo: 'INV HT25-INV-0088 LC FPB25LC0417',
  channel: 'SWIFT',
  invoiceNos: ['HT25-INV-0088'],
  lcNo: 'FPB25LC0417',
};

export const paymentInstruction: PaymentInstruction = {
  messageId: 'HT-PAIN-250601-01',
  createdAt: '2025-06-01T09:00:00+08:00',
  initiatingParty: seller,
  paymentInfoId: 'HT-PMT-250601-01',
  method: 'TRF',
  requestedExecutionDate: '2025-06-02',
  debtor: seller,
  debtorAccount: ourAccount,
  debtorAgentBic: 'BKCHCNBJ92A',
  chargeBearer: 'SHAR',
  controlSum: '4200.00',
  transactions: [
    {
      endToEndId: 'HT-E2E-250601-1',
      amount: { amount: '4200.00', currency: 'EUR' },
      creditor: { name: 'Rhein Komponenten GmbH', address: { city: 'Köln', country: 'DE' } },
      creditorAccount: { iban: 'DE89370400440532013000' },
      creditorAgentBic: 'COBADEFFXXX',
      purposeCode: 'GDDS',
      remittanceInfo: 'RK-INV-2025-311',
      invoiceNos: ['RK-INV-2025-311'],
    },
  ],
};

export const fxContract: FxContract = {
  dealNo: 'FWD-BOC-25-00912',
  contractType: 'FORWARD',
  direction: 'SELL_FX',
  market: 'ONSHORE',
  status: 'BOOKED',
  bank: advisingBank,
  client: seller,
  tradeDate: '2025-03-12',
  valueDate: '2025-05-22',
  valueDateTo: '2025-06-20',
  soldAmount: { amount: '21000.00', currency: 'USD' },
  boughtAmount: { amount: '149100.00', currency: 'CNY' },
  rate: { base: 'USD', quote: 'CNY', value: '7.1000' },
  forwardPoints: '-215',
  invoiceNos: ['HT25-INV-0088'],
  lcNo: 'FPB25LC0417',
};

export const paymentStatusReport: PaymentStatusReport = {
  messageId: 'PSR-HT-250601-1',
  createdAt: '2025-06-01T10:15:00+08:00',
  originalMessageId: 'HT-PAY-250601-1',
  originalMessageType: 'pain.001.001.09',
  statusCode: 'PART',
  outcome: 'PARTIAL',
  payments: [
    {
      paymentInfoId: 'HT-PMT-250601-1',
      transactions: [
        { endToEndId: 'HT-E2E-250601-1', statusCode: 'ACSC', outcome: 'SETTLED' },
        {
          endToEndId: 'HT-E2E-250601-2',
          statusCode: 'RJCT',
          outcome: 'REJECTED',
          reasons: [{ code: 'AC04', text: 'account closed' }],
        },
      ],
    },
  ],
};
