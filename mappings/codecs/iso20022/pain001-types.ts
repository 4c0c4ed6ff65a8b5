/** What TradeHub needs to say in a pain.001 CustomerCreditTransferInitiation. */
export type Pain001Version = 'pain.001.001.03' | 'pain.001.001.09';

export interface Pain001Address {
  street?: string;
  buildingNumber?: string;
  postCode?: string;
  town?: string;
  /** ISO 3166 alpha-2. */
  country?: string;
  addressLines?: string[];
}

export interface Pain001Party {
  name: string;
  address?: Pain001Address;
  /** Organisation BIC (BICOrBEI in v3, AnyBIC in v9). */
  bic?: string;
  /** Other organisation identifier (Othr/Id). */
  orgId?: string;
}

export interface Pain001Account {
  iban?: string;
  /** Account number without IBAN (China), written as Othr/Id. */
  otherId?: string;
  currency?: string;
}

export interface Pain001Agent {
  bic?: string;
  /** Clearing system member id (e.g. CNAPS code) when there is no BIC. */
  clearingMemberId?: string;
}

export interface Pain001Transaction {
  instrId?: string;
  endToEndId: string;
  /** UETR (v9 only): a UUID v4 in lower case. */
  uetr?: string;
  /** Decimal string with ISO 4217 code; never a float. */
  amount: { value: string; currency: string };
  chargeBearer?: 'DEBT' | 'CRED' | 'SHAR' | 'SLEV';
  creditorAgent?: Pain001Agent;
  creditor: Pain001Party;
  creditorAccount: Pain001Account;
  purpose?: string;
  remittance?: { unstructured?: string; creditorRef?: string; creditorRefType?: string };
}

export interface Pain001Payment {
  pmtInfId: string;
  batchBooking?: boolean;
  serviceLevel?: string;
  categoryPurpose?: string;
  /** Requested execution date, YYYY-MM-DD. */
  requestedExecutionDate: string;
  debtor: Pain001Party;
  debtorAccount: Pain001Account;
  debtorAgent: Pain001Agent;
  chargeBearer?: 'DEBT' | 'CRED' | 'SHAR' | 'SLEV';
  transactions: Pain001Transaction[];
}

export interface Pain001Input {
  version: Pain001Version;
  msgId: string;
  /** ISO 8601 date-time. */
  createdAt: string;
  initiatingParty: Pain001Party;
  payments: Pain001Payment[];
}
