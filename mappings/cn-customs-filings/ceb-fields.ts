import { TradeError } from '../../core/errors/trade-error';
import type { CebFiling, CustomsCountry } from '../../core/model/documents/customs-filing.schema';
import type { Money } from '../../core/model/values/money.schema';
import type { Party } from '../../core/model/values/party.schema';
import type { CebRecord } from '../codecs/cn-customs/ceb-types';
import { cebTimeToIso } from '../cn-customs-receipts/ceb-time';
import { countryToIso, currencyToIso } from '../customs-codes';

/**
 * Reading one CEB record (a head, a list line or a flat business element) located by its XPath:
 * every missing or unreadable value is a mapping error naming the field where it sits.
 */
export class CebFields {
  constructor(
    readonly rec: CebRecord,
    readonly at: string,
    /** Where soft problems (a code TradeHub does not know in a kept-as-filed field) go. */
    readonly warnings: string[] = [],
  ) {}

  xpath(name: string): string {
    return `${this.at}/${name}`;
  }

  opt(name: string): string | undefined {
    const value = this.rec[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }

  need(name: string): string {
    const value = this.opt(name);
    if (value !== undefined) return value;
    throw new TradeError('mapping', `${name} missing`, {
      stage: 'map',
      location: { xpath: this.xpath(name) },
    });
  }

  /** A nested block (OrderHead, PaymentHead ...) read at its own XPath. */
  block(name: string): CebFields {
    const value = this.rec[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (first && typeof first === 'object') {
      return new CebFields(first, this.xpath(name), this.warnings);
    }
    throw new TradeError('mapping', `${name} missing`, {
      stage: 'map',
      location: { xpath: this.xpath(name) },
    });
  }

  /** Repeated blocks (OrderList, InventoryList ...), each at its indexed XPath. */
  blocks(name: string): CebFields[] {
    const value = this.rec[name];
    const list = Array.isArray(value) ? value : value ? [value] : [];
    return (list as CebRecord[]).map(
      (r, i) => new CebFields(r, `${this.xpath(name)}[${i + 1}]`, this.warnings),
    );
  }

  time(name: string): string {
    return cebTimeToIso(this.need(name), name, this.xpath(name));
  }

  optTime(name: string): string | undefined {
    return this.opt(name) === undefined ? undefined : this.time(name);
  }

  /** yyyyMMdd (ieDate, declTime) -> YYYY-MM-DD. */
  date(name: string): string {
    const value = this.need(name);
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
    if (!m) throw this.error(name, `"${value}" is not yyyyMMdd`);
    return `${m[1]}-${m[2]}-${m[3]}`;
  }

  optDate(name: string): string | undefined {
    return this.opt(name) === undefined ? undefined : this.date(name);
  }

  int(name: string): number {
    const value = this.need(name);
    if (!/^\d+$/.test(value)) throw this.error(name, `"${value}" is not a whole number`);
    return Number(value);
  }

  decimal(name: string): string {
    const value = this.need(name);
    if (!/^\d+(\.\d+)?$/.test(value)) throw this.error(name, `"${value}" is not a decimal`);
    return value;
  }

  currency(name: string): string {
    return currencyToIso(this.need(name), name, this.xpath(name));
  }

  money(amountField: string, currency: string): Money {
    return { amount: this.decimal(amountField), currency };
  }

  /**
   * A country kept as filed, with its ISO code when the code table knows it; an unknown code is
   * a warning naming the field (the filing stays readable, the ISO code is left out).
   */
  country(name: string): CustomsCountry {
    const code = this.need(name).toUpperCase();
    try {
      return { code, iso: countryToIso(code, name, this.xpath(name)) };
    } catch (err) {
      this.warnings.push(`${this.xpath(name)}: ${(err as Error).message}`);
      return { code };
    }
  }

  /** An enterprise by its customs code and name fields (ebcCode/ebcName ...). */
  party(codeField: string, nameField: string): Party {
    return enterprise(this.need(codeField), this.need(nameField));
  }

  optParty(codeField: string, nameField: string): Party | undefined {
    const name = this.opt(nameField);
    return name === undefined ? undefined : enterprise(this.opt(codeField) ?? '', name);
  }

  /** appType / appStatus / appTime / guid of the record. */
  filing(): CebFiling {
    const action = { '1': 'NEW', '2': 'CHANGE', '3': 'DELETE' } as const;
    const status = { '1': 'STAGED', '2': 'DECLARED' } as const;
    const type = this.need('appType') as keyof typeof action;
    const state = this.need('appStatus') as keyof typeof status;
    if (!action[type]) throw this.error('appType', `"${type}" is not 1, 2 or 3`);
    if (!status[state]) throw this.error('appStatus', `"${state}" is not 1 or 2`);
    return {
      guid: this.need('guid'),
      action: action[type],
      status: status[state],
      filedAt: this.time('appTime'),
    };
  }

  error(name: string, text: string): TradeError {
    return new TradeError('mapping', `${name}: ${text}`, {
      stage: 'map',
      location: { xpath: this.xpath(name) },
    });
  }
}

/** A 10-character customs registration is an identifier; other codes stay in the name only. */
export function enterprise(code: string, name: string): Party {
  if (/^[0-9A-Z]{10}$/.test(code)) {
    return { name, identifiers: [{ scheme: 'CUSTOMS', value: code }] };
  }
  return code
    ? { name, identifiers: [{ scheme: 'OTHER', value: code, issuer: 'CN customs' }] }
    : { name };
}

/** A person named in a filing (buyer, payer, consignee) with the telephone when given. */
export function person(name: string, phone?: string): Party {
  return phone ? { name, contact: { phone } } : { name };
}

/** Drops the keys whose value is undefined, so optional fields are absent, not undefined. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
