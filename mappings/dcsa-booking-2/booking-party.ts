import type { Party, PartyIdentifier } from '../../core/model/values/party.schema';
import { isCountryCode } from '../../core/model/values/country.codes';
import type { JsonNode } from '../json-support/json-node';
import { mappingError } from '../json-support/json-node';

/**
 * Parties between the canonical model and DCSA Booking 2.0. Identifiers with a DCSA code list
 * (DUNS at DNB, GLN at GS1, BIC at SWIFT, EDI ids as mutually defined ZZZ) go to
 * identifyingCodes; tax and customs numbers (USCC, EORI, VAT, China customs code) to
 * taxLegalReferences, which DCSA keys by type and country.
 */
const CODE_LISTS = {
  DUNS: ['DNB', 'DUNS'],
  GLN: ['GS1', 'GLN'],
  BIC: ['SWIFT', 'BIC'],
  EDI: ['ZZZ', undefined],
} as const;
const TAX_TYPES = ['USCC', 'EORI', 'VAT', 'CUSTOMS'] as const;

type DcsaParty = Record<string, unknown>;

/** Canonical party -> DCSA party; `pointer` locates it in the canonical payload for errors. */
export function toDcsaParty(party: Party, pointer: string): DcsaParty {
  if (party.name.length > 70) {
    throw mappingError('DCSA party names have at most 70 characters', `${pointer}/name`);
  }
  const a = party.address;
  const street = a?.lines?.[0];
  const identifyingCodes = (party.identifiers ?? []).flatMap((id) => {
    if (!(id.scheme in CODE_LISTS)) return [];
    const [codeListProvider, listName] = CODE_LISTS[id.scheme as keyof typeof CODE_LISTS];
    const codeListName = id.scheme === 'EDI' ? id.qualifier : listName;
    return [{ codeListProvider, codeListName, partyCode: id.value }];
  });
  const taxLegalReferences = (party.identifiers ?? []).flatMap((id) => {
    const country = taxCountry(id, a?.country);
    return (TAX_TYPES as readonly string[]).includes(id.scheme) && country
      ? [{ type: id.scheme, countryCode: country, value: id.value }]
      : [];
  });
  const c = party.contact;
  return {
    partyName: party.name,
    // DCSA addresses need street, city and country; a partial address is left out.
    address:
      street && a?.city
        ? {
            street,
            city: a.city,
            postCode: a.postalCode,
            stateRegion: a.region,
            countryCode: a.country,
          }
        : undefined,
    partyContactDetails:
      c?.name && (c.phone || c.email)
        ? [{ name: c.name, phone: c.phone, email: c.email }]
        : undefined,
    identifyingCodes: identifyingCodes.length ? identifyingCodes : undefined,
    taxLegalReferences: taxLegalReferences.length ? taxLegalReferences : undefined,
  };
}

// USCC and customs codes are Chinese; an EORI starts with its country; VAT takes the address.
function taxCountry(id: PartyIdentifier, addressCountry: string | undefined): string | undefined {
  if (id.scheme === 'USCC' || id.scheme === 'CUSTOMS') return 'CN';
  if (id.scheme === 'EORI') return id.value.slice(0, 2);
  return addressCountry;
}

/** DCSA party -> canonical party. */
export function fromDcsaParty(node: JsonNode): Party {
  const address = node.optObject('address');
  const contact = node.optItems('partyContactDetails')[0];
  const identifiers = [
    ...node.optItems('identifyingCodes').map(identifyingCode),
    ...node.optItems('taxLegalReferences').map(taxReference),
  ];
  const street = address && [address.optStr('street'), address.optStr('streetNumber')];
  const country = address?.optStr('countryCode');
  if (address && (!country || !isCountryCode(country))) {
    address.fail(`"${country}" is not an ISO 3166 country code`, 'countryCode');
  }
  return {
    name: node.str('partyName'),
    identifiers: identifiers.length ? identifiers : undefined,
    address:
      address && country
        ? {
            lines: street?.some(Boolean) ? [street.filter(Boolean).join(' ')] : undefined,
            city: address.optStr('city'),
            region: address.optStr('stateRegion'),
            postalCode: address.optStr('postCode'),
            country,
          }
        : undefined,
    contact: contact && {
      name: contact.optStr('name'),
      phone: contact.optStr('phone'),
      email: contact.optStr('email'),
    },
  };
}

function identifyingCode(node: JsonNode): PartyIdentifier {
  const provider = node.str('codeListProvider');
  const value = node.str('partyCode');
  if (provider === 'DNB') return { scheme: 'DUNS', value };
  if (provider === 'GS1') return { scheme: 'GLN', value };
  if (provider === 'SWIFT') return { scheme: 'BIC', value };
  return { scheme: 'OTHER', value, issuer: provider };
}

function taxReference(node: JsonNode): PartyIdentifier {
  const type = node.str('type');
  const value = node.str('value');
  if (type === 'USCC' || type === 'EORI' || type === 'VAT' || type === 'CUSTOMS') {
    return { scheme: type, value };
  }
  return { scheme: 'OTHER', value, issuer: `${type}/${node.str('countryCode')}` };
}
