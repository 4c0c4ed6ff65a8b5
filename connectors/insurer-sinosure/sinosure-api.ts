/**
 * The modelled Sinosure API (README.md): no public API exists, so these shapes are ours and
 * the connector is configuration (base URL, auth, paths) for a real endpoint to replace.
 */
export interface ApiMoney {
  amount: string;
  currency: string;
}

export const SINOSURE_MESSAGES = {
  creditLimitApply: 'insurance.credit-limit.apply',
  shipmentDeclare: 'insurance.shipment.declare',
  possibleLossReport: 'insurance.possible-loss.report',
  claimFile: 'insurance.claim.file',
} as const;

/** Where each outbound message type goes; overridable per partner (`paths`). */
export const DEFAULT_SINOSURE_PATHS: Record<string, string> = {
  [SINOSURE_MESSAGES.creditLimitApply]: 'POST /v1/credit-limits',
  [SINOSURE_MESSAGES.shipmentDeclare]: 'POST /v1/shipment-declarations',
  [SINOSURE_MESSAGES.possibleLossReport]: 'POST /v1/possible-loss-notices',
  [SINOSURE_MESSAGES.claimFile]: 'POST /v1/claims',
};

export interface CreditLimitApplication {
  policyNo: string;
  buyer: { name: string; country: string; registrationNo?: string };
  requestedAmount: ApiMoney;
  paymentTerm: 'LC' | 'DP' | 'DA' | 'OA';
  creditDays: number;
}

export interface CreditLimitDecision {
  applicationNo: string;
  status: 'REQUESTED' | 'APPROVED' | 'REDUCED' | 'REJECTED';
  limitNo?: string;
  buyerCode?: string;
  approvedAmount?: ApiMoney;
  effectiveDate?: string;
  expiryDate?: string;
  conditions?: string[];
}

export interface ShipmentDeclarationRequest {
  policyNo: string;
  buyerCode: string;
  invoiceNo: string;
  invoiceAmount: ApiMoney;
  shipmentDate: string;
  dueDate: string;
  paymentTerm: 'LC' | 'DP' | 'DA' | 'OA';
  creditDays: number;
  destinationCountry: string;
  blNo?: string;
  customsDeclarationNo?: string;
}

export interface ShipmentDeclarationAnswer {
  declarationRef: string;
  premiumRatePercent: string;
  premium: ApiMoney;
  acceptedAt: string;
}

export interface PremiumBill {
  billNo: string;
  policyNo: string;
  /** YYYYMM. */
  period: string;
  lines: Array<{ declarationRef: string; invoiceNo: string; premium: ApiMoney }>;
  total: ApiMoney;
  dueDate: string;
}

export interface PossibleLossNotice {
  policyNo: string;
  buyerCode: string;
  invoiceNos: string[];
  dueDate: string;
  overdueAmount: ApiMoney;
  overdueDays: number;
  cause: 'INSOLVENCY' | 'DEFAULT' | 'REFUSAL' | 'POLITICAL' | 'OTHER';
}

export interface ClaimFiling {
  policyNo: string;
  buyerCode: string;
  noticeNo: string;
  claimedAmount: ApiMoney;
  invoiceNos: string[];
}

/** What Sinosure answers to a filing: its reference and the state. */
export interface FilingAnswer {
  noticeNo?: string;
  claimNo?: string;
  applicationNo?: string;
  status?: string;
  stage?: string;
  receivedAt?: string;
}
