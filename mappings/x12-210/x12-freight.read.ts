import type { FreightCharge } from '../../core/model/documents/logistics-freight-invoice.schema';
import { CURRENCY_CODES } from '../../core/model/values/currency.codes';
import { isCountryCode } from '../../core/model/values/country.codes';
import type { Party } from '../../core/model/values/party.schema';
import { element, type X12Segment } from '../codecs/x12';
import { mappingError, optional } from '../x12-warehouse/x12-read.helpers';

/**
 * An X12 N2 amount (data type N2: two implied decimals, e.g. L104 charge 58, B307 net amount
 * due 193, L305) as a decimal string: '184500' -> '1845.00'. A located error when not digits.
 */
export function impliedCents(seg: X12Segment, position: number): string | undefined {
  const raw = optional(seg, position);
  if (raw === undefined) return undefined;
  const m = /^(-?)(\d+)$/.exec(raw);
  if (!m)
    throw mappingError(
      seg,
      `${seg.tag}${String(position).padStart(2, '0')} '${raw}' is not an amount in cents (X12 N2)`,
    );
  const digits = m[2].padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/^0+(?=\d)/, '');
  return `${m[1]}${whole}.${digits.slice(-2)}`;
}

/** C301 as an ISO 4217 code, or a located error. */
export function currencyOf(c3: X12Segment): string {
  const code = optional(c3, 1) ?? '';
  if (!(CURRENCY_CODES as readonly string[]).includes(code))
    throw mappingError(c3, `C301 '${code}' is not an ISO 4217 currency`, 'X12_CURRENCY');
  return code;
}

// Method of payment (X12 146) on B3/L1: prepaid or collect; mixed and third party say neither.
const PAYMENT: Record<string, 'PREPAID' | 'COLLECT'> = { PP: 'PREPAID', CC: 'COLLECT' };

export function freightPaymentOf(code: string | undefined): 'PREPAID' | 'COLLECT' | undefined {
  return code ? PAYMENT[code] : undefined;
}

/**
 * Every L1 (rate and charges) with a charge: L101 line, L102 rate, L103 its basis, L104 the
 * charge (N2), L108 the special charge code, L112 its description. A C3 right after an L1 (the
 * 310 writes one per charge) gives that charge's currency, else `currency`.
 */
export function chargesOf(segs: readonly X12Segment[], currency: string): FreightCharge[] {
  const charges: FreightCharge[] = [];
  segs.forEach((l1, at) => {
    if (l1.tag !== 'L1') return;
    const amount = impliedCents(l1, 4);
    if (amount === undefined) return;
    const next = segs[at + 1];
    const line = optional(l1, 1);
    const rate = optional(l1, 2);
    charges.push(
      dropUndefined({
        lineNo: line && /^\d+$/.test(line) && Number(line) > 0 ? Number(line) : undefined,
        chargeCode: optional(l1, 8),
        description: optional(l1, 12),
        rate: rate && /^-?\d+(\.\d+)?$/.test(rate) ? rate : undefined,
        rateBasis: rate ? optional(l1, 3) : undefined,
        amount: { amount, currency: next?.tag === 'C3' ? currencyOf(next) : currency },
      }),
    );
  });
  return charges;
}

// N103 identification code qualifiers (X12 66) a carrier bill uses.
const ID_ISSUERS: Record<string, string> = {
  '2': 'SCAC',
  '25': "Carrier's customer code",
  '92': 'Assigned by buyer',
  '93': 'Assigned by the party originating the transaction',
  '94': 'Assigned by the party receiving the transaction',
};

/**
 * N1 parties by N101 entity code (SH shipper, CN consignee, BT bill-to, CA carrier ...), each
 * with the N3 street lines and N4 place that follow it.
 */
export function partiesOf(segs: readonly X12Segment[]): Map<string, Party> {
  const parties = new Map<string, Party>();
  segs.forEach((n1, at) => {
    if (n1.tag !== 'N1' || !optional(n1, 2) || parties.has(element(n1, 1))) return;
    let end = at + 1;
    while (end < segs.length && ['N2', 'N3', 'N4', 'REF', 'PER'].includes(segs[end].tag)) end++;
    parties.set(element(n1, 1), partyOf(n1, segs.slice(at + 1, end)));
  });
  return parties;
}

function partyOf(n1: X12Segment, rest: X12Segment[]): Party {
  const [q, id] = [optional(n1, 3), optional(n1, 4)];
  const identifiers: NonNullable<Party['identifiers']> = [];
  if (q && id && (q === '1' || q === '9') && /^\d{9}/.test(id))
    identifiers.push({ scheme: 'DUNS', value: id.slice(0, 9) });
  else if (q && id)
    identifiers.push({ scheme: 'OTHER', value: id, issuer: ID_ISSUERS[q] ?? `X12 66 ${q}` });
  const lines = rest
    .filter((s) => s.tag === 'N3')
    .flatMap((n3) => [optional(n3, 1), optional(n3, 2)])
    .filter((l): l is string => l !== undefined);
  const n4 = rest.find((s) => s.tag === 'N4');
  const country = n4 && optional(n4, 4);
  const address =
    n4 && country && isCountryCode(country)
      ? dropUndefined({
          lines: lines.length ? lines : undefined,
          city: optional(n4, 1),
          region: optional(n4, 2),
          postalCode: optional(n4, 3),
          country,
        })
      : undefined;
  return dropUndefined({
    name: optional(n1, 2) as string,
    identifiers: identifiers.length ? identifiers : undefined,
    address,
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
