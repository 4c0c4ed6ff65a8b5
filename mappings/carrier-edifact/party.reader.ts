import { isCountryCode } from '../../core/model/values/country.codes';
import { isValidGs1 } from '../../core/model/values/gs1';
import type { Party, PartyIdentifier } from '../../core/model/values/party.schema';
import type { EdifactSegment } from '../codecs/edifact';
import { ownEntry } from '../../core/collections';

// UNCL 3055 agencies whose identifiers the model knows by scheme.
const AGENCY_ISSUER: Record<string, string> = { '182': 'SCAC', '20': 'BIC/SMDG', '87': 'carrier' };

/**
 * NAD as a party: name from C080 (or the first C058 line, or the id), C082 id as an identifier
 * (GS1 agency 9 -> GLN), C059 / 3164 / 3251 / 3207 as the address when the country is ISO 3166.
 * Undefined when the NAD names no one.
 */
export function readParty(nad: EdifactSegment): Party | undefined {
  const id = nad.get(1, 0)?.trim();
  const name = joined(nad.element(3).slice(0, 5)) ?? nad.get(2, 0)?.trim() ?? id;
  if (!name) return undefined;
  const identifiers = id ? [identifier(id, nad.get(1, 2))] : [];
  const country = nad.get(8)?.toUpperCase();
  const lines = nad
    .element(4)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const address =
    country && isCountryCode(country)
      ? {
          ...(lines.length ? { lines } : {}),
          ...(nad.get(5) ? { city: nad.get(5)?.trim() } : {}),
          ...(nad.get(7) ? { postalCode: nad.get(7)?.trim() } : {}),
          country,
        }
      : undefined;
  return {
    name,
    ...(identifiers.length ? { identifiers } : {}),
    ...(address ? { address: address } : {}),
  };
}

function identifier(value: string, agency: string | undefined): PartyIdentifier {
  if (agency === '9' && /^\d{13}$/.test(value) && isValidGs1(value))
    return { scheme: 'GLN', value };
  const issuer = agency ? (ownEntry(AGENCY_ISSUER, agency) ?? `UNCL3055 ${agency}`) : undefined;
  return { scheme: 'OTHER', value, ...(issuer ? { issuer } : {}) };
}

const joined = (parts: string[]): string | undefined => {
  const text = parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(' ');
  return text === '' ? undefined : text;
};
