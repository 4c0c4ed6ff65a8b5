import { z } from 'zod';

/**
 * IBAN (ISO 13616): country, 2 check digits, BBAN. Valid when the rearranged number
 * (first four characters moved to the end, letters as A=10..Z=35) is ≡ 1 mod 97, and the
 * length is the one registered for the country. China has no IBAN (use account + bank).
 */
const LENGTHS: Record<string, number> = Object.fromEntries(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 ' +
    'EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 ' +
    'IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 ' +
    'NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 ' +
    'TR26 UA29 VA22 VG24 XK20'
  )
    .split(' ')
    .map((e) => [e.slice(0, 2), Number(e.slice(2))]),
);

const SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** Removes spaces and upper-cases, as IBANs are often printed in groups of four. */
export function normaliseIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Remainder of the rearranged IBAN mod 97, computed piecewise to stay within safe integers. */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    rest = Number(String(rest) + digits) % 97;
  }
  return rest;
}

/** Expects the electronic form (no spaces); see normaliseIban. */
export function isValidIban(iban: string): boolean {
  if (!SHAPE.test(iban)) return false;
  const length = LENGTHS[iban.slice(0, 2)];
  if (length !== undefined && iban.length !== length) return false;
  return mod97(iban) === 1;
}

export const IbanSchema = z
  .string()
  .regex(
    SHAPE,
    'must be an IBAN in electronic form (capitals, no spaces), e.g. DE89370400440532013000',
  )
  .refine(isValidIban, { error: 'IBAN check digits (mod 97) or country length do not match' });

/** BIC / SWIFT code (ISO 9362): bank, country, location, optional branch ('XXX' = head office). */
export const BIC_PATTERN = /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
export const BicSchema = z.string().regex(BIC_PATTERN, 'must be a BIC of 8 or 11 characters');
