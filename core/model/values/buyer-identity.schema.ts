import { z } from 'zod';
import { isValidResidentId } from './resident-id';

/**
 * Buyer ID types of the China customs code list (CEB311/CEB621 buyerIdType): 1 resident ID
 * card (身份证), 2 other. The 2022-05 XSD notes that only 1 is accepted for now.
 */
export const BUYER_ID_TYPES = { '1': 'resident identity card', '2': 'other' } as const;

/**
 * The identity customs requires of the buyer of a cross-border import (1210 bonded, 9610
 * direct): personal data. Kept only on the order and the filed CEB messages; logs and API
 * answers show it masked (maskBuyerIdentity).
 */
export const BuyerIdentitySchema = z
  .strictObject({
    idType: z.enum(Object.keys(BUYER_ID_TYPES) as ['1', '2'], {
      error: 'buyer ID type is a customs code: 1 resident ID card, 2 other',
    }),
    idNumber: z.string().trim().min(1, 'the ID number is required').max(60),
    name: z.string().trim().min(1, 'the name on the ID is required').max(60),
    telephone: z
      .string()
      .trim()
      .regex(/^\+?[\d -]{5,30}$/, 'a telephone number has 5 to 30 digits'),
  })
  .superRefine((v, ctx) => {
    if (v.idType === '1' && !isValidResidentId(v.idNumber))
      ctx.addIssue({
        code: 'custom',
        path: ['idNumber'],
        message: 'not a mainland resident ID number (18 characters, birth date, check digit)',
      });
  });
export type BuyerIdentity = z.infer<typeof BuyerIdentitySchema>;

/** Keeps the first and last `keep` characters, stars for the rest. */
function maskMiddle(text: string, keep: number): string {
  if (text.length <= keep * 2) return '*'.repeat(text.length);
  return `${text.slice(0, keep)}${'*'.repeat(text.length - keep * 2)}${text.slice(-keep)}`;
}

/** The identity as operators and clients see it: `3301**********123X`, `张*`, `138*****678`. */
export function maskBuyerIdentity(id: BuyerIdentity): BuyerIdentity {
  const name = [...id.name];
  return {
    idType: id.idType,
    idNumber: maskMiddle(id.idNumber, 4),
    name: `${name[0] ?? ''}${'*'.repeat(Math.max(name.length - 1, 1))}`,
    telephone: maskMiddle(id.telephone, 3),
  };
}

const isIdentity = (v: unknown): v is BuyerIdentity =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as BuyerIdentity).idNumber === 'string' &&
  typeof (v as BuyerIdentity).name === 'string';

/**
 * A document (or any JSON value) with every buyer `identity` masked, for API answers: the
 * stored document keeps it, for the customs filing that needs it.
 */
export function maskPersonalData<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => maskPersonalData(v)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === 'identity' && isIdentity(v) ? maskBuyerIdentity(v) : maskPersonalData(v),
    ]),
  ) as T;
}
