import type { XmlElement } from '../xml/xml-tree';

/**
 * Typed syntax trees for the ISO 20022 cash-management messages TradeHub reads. Values are the
 * message's own strings (trimmed): amounts are decimal strings with their ISO 4217 code, dates
 * and date-times as sent. Every statement, entry and transaction knows its xpath.
 */
export interface IsoAmount {
  value: string;
  currency: string;
}

export type CreditDebit = 'CRDT' | 'DBIT';

/** A date choice: `Dt` or `DtTm`, whichever the message used. */
export interface IsoDateChoice {
  date?: string;
  dateTime?: string;
}

export interface IsoAccount {
  iban?: string;
  /** Othr/Id for accounts without IBAN (China has none). */
  otherId?: string;
  otherScheme?: string;
  currency?: string;
  name?: string;
  ownerName?: string;
  servicerBic?: string;
}

export interface IsoBalance {
  /** Tp/CdOrPrtry/Cd: OPBD, CLBD, CLAV, ITBD, PRCD, FWAV ... */
  typeCode?: string;
  typeProprietary?: string;
  amount: IsoAmount;
  creditDebit: CreditDebit;
  date: IsoDateChoice;
}

export interface IsoBankTxCode {
  domain?: string;
  family?: string;
  subFamily?: string;
  proprietaryCode?: string;
  proprietaryIssuer?: string;
}

export interface IsoParty {
  name?: string;
  country?: string;
  addressLines?: string[];
  bic?: string;
  orgId?: string;
}

export interface IsoRelatedParties {
  debtor?: IsoParty;
  debtorAccount?: IsoAccount;
  creditor?: IsoParty;
  creditorAccount?: IsoAccount;
  ultimateDebtor?: IsoParty;
  ultimateCreditor?: IsoParty;
}

export interface IsoTransactionRefs {
  msgId?: string;
  accountServicerRef?: string;
  pmtInfId?: string;
  instrId?: string;
  endToEndId?: string;
  uetr?: string;
  txId?: string;
  mandateId?: string;
  chequeNumber?: string;
  clearingSystemRef?: string;
}

export interface IsoStructuredRemittance {
  creditorRef?: string;
  creditorRefType?: string;
  referredDocumentNumbers: string[];
  additionalInfo: string[];
}

export interface IsoRemittance {
  unstructured: string[];
  structured: IsoStructuredRemittance[];
}

export interface IsoTransactionDetails {
  xpath: string;
  refs: IsoTransactionRefs;
  amount?: IsoAmount;
  creditDebit?: CreditDebit;
  parties: IsoRelatedParties;
  debtorAgentBic?: string;
  creditorAgentBic?: string;
  purpose?: string;
  remittance: IsoRemittance;
  returnReason?: string;
  additionalInfo?: string;
  /** Chrgs amounts charged on this transaction. */
  charges?: IsoAmount[];
  /** AmtDtls/InstdAmt: what the payer instructed, before conversion and charges. */
  instructedAmount?: IsoAmount;
  exchange?: IsoExchange;
}

/** CcyXchg: SrcCcy converted to TrgtCcy at XchgRate. */
export interface IsoExchange {
  sourceCurrency?: string;
  targetCurrency?: string;
  rate: string;
}

export interface IsoEntry {
  xpath: string;
  ref?: string;
  amount: IsoAmount;
  creditDebit: CreditDebit;
  reversal: boolean;
  /** BOOK, PDNG, INFO (v2 text, v8 Sts/Cd) or a proprietary status. */
  status?: string;
  bookingDate?: IsoDateChoice;
  valueDate?: IsoDateChoice;
  accountServicerRef?: string;
  bankTxCode?: IsoBankTxCode;
  additionalInfo?: string;
  charges?: IsoAmount[];
  batch?: { msgId?: string; pmtInfId?: string; numberOfTransactions?: string };
  transactions: IsoTransactionDetails[];
}

/** One Stmt (camt.053), Rpt (camt.052) or Ntfctn (camt.054). */
export interface CamtStatement {
  xpath: string;
  id: string;
  electronicSequence?: string;
  legalSequence?: string;
  createdAt?: string;
  period?: { from?: string; to?: string };
  account: IsoAccount;
  balances: IsoBalance[];
  entries: IsoEntry[];
  additionalInfo?: string;
}

export type CamtMessageType = 'camt.052' | 'camt.053' | 'camt.054';

export interface CamtDocument {
  kind: 'camt';
  messageType: CamtMessageType;
  /** Full message identifier, e.g. 'camt.053.001.08'. */
  version: string;
  groupHeader: {
    msgId: string;
    createdAt?: string;
    page?: string;
    lastPage?: boolean;
    additionalInfo?: string;
  };
  statements: CamtStatement[];
}

export interface IsoStatusReason {
  code?: string;
  proprietary?: string;
  additionalInfo: string[];
}

export interface Pain002Transaction {
  xpath: string;
  statusId?: string;
  originalInstrId?: string;
  originalEndToEndId?: string;
  originalUetr?: string;
  status?: string;
  reasons: IsoStatusReason[];
  amount?: IsoAmount;
}

export interface Pain002Payment {
  xpath: string;
  originalPmtInfId: string;
  status?: string;
  reasons: IsoStatusReason[];
  transactions: Pain002Transaction[];
}

export interface Pain002Document {
  kind: 'pain.002';
  messageType: 'pain.002';
  version: string;
  groupHeader: { msgId: string; createdAt?: string; initiatingParty?: IsoParty };
  original: { msgId: string; msgNameId: string; groupStatus?: string; reasons: IsoStatusReason[] };
  payments: Pain002Payment[];
}

/** A message of another ISO 20022 type, kept as its XML tree. */
export interface IsoOtherDocument {
  kind: 'other';
  messageType: string;
  version: string;
  /** The `Document` element. */
  document: XmlElement;
}

export type Iso20022Tree = CamtDocument | Pain002Document | IsoOtherDocument;
