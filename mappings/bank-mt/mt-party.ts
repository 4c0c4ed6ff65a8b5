import type { Account } from '../../core/model/documents/banking-common.schema';
import { COUNTRY_CODES } from '../../core/model/values/country.codes';
import type { Party } from '../../core/model/values/party.schema';
import type { MtField } from '../codecs/swift-mt';
import { accountFromText, parsedOf } from './mt-read';

const COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES);

export interface MtParty {
  party?: Party;
  account?: Account;
  bic?: string;
}

/** 50a / 59a ordering customer or beneficiary: option K/no letter, A (BIC) or F (structured). */
export function partyOf(field: MtField | undefined): MtParty {
  if (!field) return {};
  if (field.tag.endsWith('A')) {
    const p = parsedOf<{ partyIdentifier?: string; bic: string }>(field);
    return {
      bic: p.bic,
      account: p.partyIdentifier ? accountFromText(p.partyIdentifier) : undefined,
      party: { name: p.bic, identifiers: [{ scheme: 'BIC', value: p.bic }] },
    };
  }
  if (field.tag.endsWith('F')) {
    const p = parsedOf<{
      partyIdentifier: string;
      details: Array<{ number: number; text: string }>;
    }>(field);
    const name = p.details
      .filter((d) => d.number === 1)
      .map((d) => d.text)
      .join(' ');
    const account = p.partyIdentifier.startsWith('/') ? p.partyIdentifier.slice(1) : undefined;
    return {
      account: account ? accountFromText(account) : undefined,
      party: name ? { name, ...structuredAddress(p.details) } : undefined,
    };
  }
  const p = parsedOf<{ account?: string; nameAndAddress: string[] }>(field);
  const [name, ...rest] = p.nameAndAddress;
  return {
    account: p.account ? accountFromText(p.account) : undefined,
    // Free-format address lines carry no structured country, so only the name is kept.
    party: name?.trim() ? { name: [name, ...rest].join(' ').trim().slice(0, 140) } : undefined,
  };
}

// 50F line 3 is 'CC/TOWN': the address is kept only when the country is an ISO 3166 code.
function structuredAddress(details: Array<{ number: number; text: string }>): Partial<Party> {
  const town = details.find((d) => d.number === 3)?.text;
  const m = town && /^([A-Z]{2})\/(.+)$/.exec(town);
  if (!m || !COUNTRIES.has(m[1])) return {};
  const lines = details.filter((d) => d.number === 2).map((d) => d.text);
  return {
    address: {
      ...(lines.length ? { lines } : {}),
      city: m[2].trim(),
      country: m[1],
    },
  };
}
