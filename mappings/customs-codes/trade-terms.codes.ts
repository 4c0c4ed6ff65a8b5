import { unknownCode } from './code-error';

/** Supervision modes (监管方式, primer §1.3). */
export const TRADE_MODES = {
  '0110': 'general trade',
  '1039': 'market procurement',
  '1210': 'bonded e-commerce',
  '9610': 'cross-border e-commerce B2C',
  '9710': 'cross-border e-commerce B2B direct export',
  '9810': 'export to overseas warehouse',
} as const;
export type TradeMode = keyof typeof TRADE_MODES;

export function tradeMode(code: string, field: string, xpath?: string): TradeMode {
  if (!(code in TRADE_MODES)) throw unknownCode('supervision mode', field, code, xpath);
  return code as TradeMode;
}

/** transMode (成交方式): 1 CIF, 2 C&F, 3 FOB, 4 C&I, 5 market price, 6 垫仓, 7 EXW. */
export const TRANSACTION_TERMS = {
  '1': 'CIF',
  '2': 'C&F',
  '3': 'FOB',
  '4': 'C&I',
  '5': 'market price',
  '6': '垫仓',
  '7': 'EXW',
} as const;
export type TransactionTerms = keyof typeof TRANSACTION_TERMS;

/**
 * Incoterms 2020 -> transMode, as the declaration filling rules (报关单填制规范) group them:
 * E terms are EXW; FCA, FAS and FOB are FOB; CFR and CPT are C&F; CIF, CIP and the D terms are
 * CIF, since the seller pays carriage and insurance to the destination.
 */
const INCOTERM_TO_TERMS: Readonly<Record<string, TransactionTerms>> = {
  EXW: '7',
  FCA: '3',
  FAS: '3',
  FOB: '3',
  CFR: '2',
  CPT: '2',
  CIF: '1',
  CIP: '1',
  DAP: '1',
  DPU: '1',
  DDP: '1',
};

export function transactionTermsOf(incoterm: string, field: string): TransactionTerms {
  const terms = INCOTERM_TO_TERMS[incoterm.toUpperCase()];
  if (!terms) throw unknownCode('Incoterm with a customs transaction mode', field, incoterm);
  return terms;
}

/** The Incoterm a transMode code stands for, where one does (not 4, 5 or 6). */
export function incotermOf(code: string, field: string, xpath?: string): string | undefined {
  if (!(code in TRANSACTION_TERMS)) throw unknownCode('transaction mode', field, code, xpath);
  return { '1': 'CIF', '2': 'CFR', '3': 'FOB', '7': 'EXW' }[code];
}
