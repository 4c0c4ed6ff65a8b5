import type { FinancingDecision, FinancingRequest } from '../financing.schema';
import type {
  Claim,
  CreditLimit,
  InsurancePolicy,
  InsuranceShipmentDeclaration,
} from '../insurance.schema';
import type { RebateClaim, RebateClaimReady, RebateRefund, VatInvoice } from '../rebate.schema';
import { advisingBank, buyer, seller } from './parties.fixture';

const factory = {
  name: '慈溪市远东电器厂',
  identifiers: [{ scheme: 'USCC' as const, value: '91110108MA01KPGK0L' }],
};

export const financingRequest: FinancingRequest = {
  financingNo: 'FIN-25-0042',
  product: 'INSURED_RECEIVABLE',
  applicant: seller,
  financier: advisingBank,
  requestedAt: '2025-04-22T10:00:00+08:00',
  requestedAmount: { amount: '16800.00', currency: 'USD' },
  basisAmount: { amount: '21000.00', currency: 'USD' },
  tenorDays: 60,
  withRecourse: true,
  underlying: {
    contractNo: 'HT25US017',
    invoiceNos: ['HT25-INV-0088'],
    declarationNos: ['310420250518004217'],
    blNos: ['MAEU253419876'],
    policyNo: 'SCP2025-330012',
  },
};

export const financingDecision: FinancingDecision = {
  financingNo: 'FIN-25-0042',
  decision: 'APPROVED',
  decidedAt: '2025-04-24T15:00:00+08:00',
  approvedAmount: { amount: '16800.00', currency: 'USD' },
  advanceRatePercent: '80',
  annualRatePercent: '5.2',
  dayCountBasis: 360,
  feePercent: '1',
  tenorDays: 60,
  maturityDate: '2025-06-23',
};

export const vatInvoice: VatInvoice = {
  invoiceNo: '25332000000012345678',
  kind: 'DIGITAL_SPECIAL',
  issueDate: '2025-04-10',
  seller: factory,
  buyer: seller,
  lines: [
    {
      lineNo: 1,
      description: '*家用电器*电热水壶',
      taxClassificationCode: '1090416010000000000',
      specification: 'KT-1500',
      unit: '个',
      quantity: '2400',
      unitPrice: '50.00',
      amount: { amount: '120000.00', currency: 'CNY' },
      taxRatePercent: '13',
      taxAmount: { amount: '15600.00', currency: 'CNY' },
    },
  ],
  totalAmount: { amount: '120000.00', currency: 'CNY' },
  totalTax: { amount: '15600.00', currency: 'CNY' },
  totalWithTax: { amount: '135600.00', currency: 'CNY' },
};

export const rebateClaim: RebateClaim = {
  claimNo: 'TS2025050001',
  model: 'TRADER',
  claimant: seller,
  period: '202505',
  status: 'FILED',
  filedAt: '2025-05-15T14:00:00+08:00',
  lines: [
    {
      declarationNo: '310420250518004217',
      declarationLineNo: 1,
      exportDate: '2025-04-20',
      hsCode: '8516719000',
      statutoryQuantity: { value: '2400', unit: '007' },
      fobValue: { amount: '21000.00', currency: 'USD' },
      fobValueCny: { amount: '151200.00', currency: 'CNY' },
      vatInvoiceNos: ['25332000000012345678'],
      refundRatePercent: '13',
      refundAmount: { amount: '15600.00', currency: 'CNY' },
    },
  ],
  totalRefund: { amount: '15600.00', currency: 'CNY' },
};

export const rebateClaimReady: RebateClaimReady = {
  claimNo: 'RB-310420250518004217',
  declarationNos: ['310420250518004217'],
  readyAt: '2025-05-12T10:00:00+08:00',
  expectedRefund: { amount: '15600.00', currency: 'CNY' },
  deadline: '2026-04-30',
};

export const rebateRefund: RebateRefund = {
  claimNo: 'RB-310420250518004217',
  declarationNos: ['310420250518004217'],
  refundAmount: { amount: '15600.00', currency: 'CNY' },
  refundDate: '2025-06-03',
};

const insured = { policyNo: 'SCP2025-330012', buyer, buyerCode: 'USA/123456' };

export const insurancePolicy: InsurancePolicy = {
  policyNo: 'SCP2025-330012',
  insurer: { name: 'China Export & Credit Insurance Corporation' },
  insured: seller,
  product: 'SHORT_TERM_COMPREHENSIVE',
  status: 'ACTIVE',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  maximumLiability: { amount: '2000000.00', currency: 'USD' },
  rates: [
    { buyerCountry: 'US', paymentTerm: 'OA', maxCreditDays: 90, ratePercent: '0.35' },
    { buyerCountry: '*', paymentTerm: 'OA', maxCreditDays: 180, ratePercent: '0.60' },
  ],
  commercialIndemnityPercent: '90',
  politicalIndemnityPercent: '90',
  declarationWorkingDays: 5,
  possibleLossNoticeDays: 60,
};

export const creditLimit: CreditLimit = {
  ...insured,
  limitNo: 'XY2025-0088',
  kind: 'STANDARD',
  status: 'APPROVED',
  requestedAmount: { amount: '100000', currency: 'USD' },
  amount: { amount: '80000', currency: 'USD' },
  paymentTerm: 'OA',
  creditDays: 90,
  effectiveDate: '2025-03-01',
};

export const insuranceShipmentDeclaration: InsuranceShipmentDeclaration = {
  ...insured,
  invoiceNo: 'HT25-INV-0089',
  invoiceAmount: { amount: '18500.00', currency: 'USD' },
  shipmentDate: '2025-04-25',
  dueDate: '2025-07-24',
  paymentTerm: 'OA',
  creditDays: 90,
  destinationCountry: 'US',
  blNo: 'MAEU253419901',
  customsDeclarationNo: '310420250518004230',
  premiumRatePercent: '0.35',
  premium: { amount: '64.75', currency: 'USD' },
  declaredAt: '2025-04-28T09:00:00+08:00',
};

export const claim: Claim = {
  claimNo: 'CL-2025-0007',
  ...insured,
  stage: 'POSSIBLE_LOSS_NOTICE',
  cause: 'DEFAULT',
  filedAt: '2025-09-10T10:00:00+08:00',
  lossNoticeDate: '2025-09-10',
  dueDate: '2025-07-24',
  overdueDays: 48,
  claimedAmount: { amount: '18500.00', currency: 'USD' },
  indemnityRatioPercent: '90',
  invoiceNos: ['HT25-INV-0089'],
  blNos: ['MAEU253419901'],
  customsDeclarationNos: ['310420250518004230'],
};
