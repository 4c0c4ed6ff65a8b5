import { TradeError } from '../../core/errors/trade-error';
import type { Account } from '../../core/model/documents/banking-common.schema';
import { CURRENCY_CODES } from '../../core/model/values/currency.codes';
import { isValidIban } from '../../core/model/values/iban';
import type { Money } from '../../core/model/values/money.schema';
import type { Party } from '../../core/model/values/party.schema';
import { isCountryCode } from '../../core/model/values/country.codes';
import type {
  IsoAccount,
  IsoAmount,
  IsoDateChoice,
  IsoParty,
} from '../codecs/iso20022/iso20022-types';

const CURRENCIES: ReadonlySet<string> = new Set(CURRENCY_CODES);

/** A mapping error at an XPath of the ISO 20022 message. */
export function isoMappingError(message: string, xpath: string): TradeError {
  return new TradeError('mapping', message, { stage: 'map', location: { xpath } });
}

export function money(amount: IsoAmount, xpath: string): Money {
  if (!CURRENCIES.has(amount.currency))
    throw isoMappingError(`'${amount.currency}' is not an ISO 4217 currency code`, xpath);
  return { amount: amount.value, currency: amount.currency };
}

/** Dt or DtTm -> ISO date (the calendar date the bank wrote, in its own zone). */
export function isoDate(choice: IsoDateChoice | undefined): string | undefined {
  return choice?.date ?? choice?.dateTime?.slice(0, 10);
}

/** An ISO 20022 date-time without zone is local to the bank: kept only when it has one. */
export function zonedDateTime(value: string | undefined): string | undefined {
  return value && /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : undefined;
}

export function canonicalAccount(account: IsoAccount | undefined): Account | undefined {
  if (!account) return undefined;
  const iban = account.iban?.replace(/\s+/g, '').toUpperCase();
  const result: Account =
    iban && isValidIban(iban)
      ? { iban }
      : { number: (account.iban ?? account.otherId ?? '').slice(0, 34) };
  if (!result.iban && !result.number) return undefined;
  if (account.currency && CURRENCIES.has(account.currency)) result.currency = account.currency;
  const owner = account.ownerName ?? account.name;
  if (owner) result.ownerName = owner;
  if (account.servicerBic) result.bankBic = account.servicerBic;
  return result;
}

export function canonicalParty(party: IsoParty | undefined): Party | undefined {
  if (!party?.name && !party?.bic) return undefined;
  const result: Party = { name: (party.name ?? party.bic)! };
  if (party.bic) result.identifiers = [{ scheme: 'BIC', value: party.bic }];
  if (party.country && isCountryCode(party.country))
    result.address = {
      country: party.country,
      ...(party.addressLines?.length ? { lines: party.addressLines.slice(0, 6) } : {}),
    };
  return result;
}
