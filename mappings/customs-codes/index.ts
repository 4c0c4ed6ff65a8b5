/** China customs code tables with their ISO conversions: the one place such codes are mapped. */
export { unknownCode } from './code-error';
export { countryToCeb, countryToDeclaration, countryToIso } from './country.codes';
export { currencyToCustoms, currencyToIso } from './currency.codes';
export {
  incotermOf,
  TRADE_MODES,
  TRANSACTION_TERMS,
  tradeMode,
  transactionTermsOf,
  type TradeMode,
  type TransactionTerms,
} from './trade-terms.codes';
export { isWeightUnit, unitToCustoms, unitToRec20 } from './unit.codes';
export { RETURN_STATUSES, returnStatusOf, type ReturnOutcome } from './return-status.codes';
export { packageTypeToCustoms, transportModeToCustoms } from './transport.codes';
