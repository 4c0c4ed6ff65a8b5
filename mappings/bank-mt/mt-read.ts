import { TradeError } from '../../core/errors/trade-error';
import type { Account } from '../../core/model/documents/banking-common.schema';
import { CURRENCY_CODES } from '../../core/model/values/currency.codes';
import { isValidIban, normaliseIban } from '../../core/model/values/iban';
import type { MtField, MtMessage } from '../codecs/swift-mt';

/** A mapping error at a SWIFT field (or the message when no field is at fault). */
export function mtMappingError(message: string, field?: MtField): TradeError {
  return new TradeError('mapping', message, {
    stage: 'map',
    location: field ? { fieldTag: `:${field.tag}:`, line: field.line } : { fieldTag: 'block 4' },
  });
}

export function fieldsOf(msg: MtMessage, ...tags: string[]): MtField[] {
  return msg.fields.filter((f) => tags.includes(f.tag));
}

export function firstOf(msg: MtMessage, ...tags: string[]): MtField | undefined {
  return msg.fields.find((f) => tags.includes(f.tag));
}

/** The first of `tags`, or a mapping error naming what the message lacks. */
export function requiredOf(msg: MtMessage, what: string, ...tags: string[]): MtField {
  const field = firstOf(msg, ...tags);
  if (!field) throw mtMappingError(`${what} (:${tags.join(':/:')}:) is missing`);
  return field;
}

/** The sub-fields the codec parsed, typed by the caller's knowledge of the tag. */
export function parsedOf<T>(field: MtField): T {
  if (field.parsed === undefined)
    throw mtMappingError(`field :${field.tag}: was not parsed`, field);
  return field.parsed as T;
}

const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const CURRENCIES: ReadonlySet<string> = new Set(CURRENCY_CODES);

/**
 * :25: / :59: account text -> Account. Banks write an IBAN, 'BIC/account', or an account
 * followed by its currency ('CN12TRDH0000123456789 USD'); a valid IBAN is kept as an IBAN.
 */
export function accountFromText(text: string): Account {
  let rest = text.trim();
  const account: Account = { number: rest };
  const slash = rest.indexOf('/');
  if (slash > 0 && BIC.test(rest.slice(0, slash))) {
    account.bankBic = rest.slice(0, slash);
    rest = rest.slice(slash + 1).trim();
  }
  const withCurrency = /^(.*\S)\s+([A-Z]{3})$/.exec(rest);
  if (withCurrency && CURRENCIES.has(withCurrency[2])) {
    account.currency = withCurrency[2];
    rest = withCurrency[1];
  }
  const iban = normaliseIban(rest);
  if (isValidIban(iban)) {
    delete account.number;
    account.iban = iban;
  } else account.number = rest.slice(0, 34);
  return account;
}

/** References to invoices, orders and payments a remitter wrote in free text. */
export function endToEndRef(text: string | undefined): string | undefined {
  // SWIFT/Dutch '/EREF/ref/' or German SEPA 'EREF+ref' up to the next SEPA key.
  const m =
    text &&
    /\/EREF\/([^/\n]{1,35})|EREF\+(.{1,35}?)(?=(?:KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE)\+|\n|$)/.exec(
      text,
    );
  const ref = m ? (m[1] ?? m[2]).trim() : undefined;
  return ref && ref.toUpperCase() !== 'NOTPROVIDED' ? ref : undefined;
}
