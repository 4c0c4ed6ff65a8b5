import { z } from 'zod';
import { CurrencyCodeSchema } from '../values/money.schema';
import { BicSchema, IbanSchema } from '../values/iban';

/** A bank account: IBAN where the country has one, else the local number (China: no IBAN). */
export const AccountSchema = z
  .strictObject({
    iban: IbanSchema.optional(),
    number: z.string().min(1).max(34).optional(),
    currency: CurrencyCodeSchema.optional(),
    ownerName: z.string().optional(),
    bankBic: BicSchema.optional(),
    bankName: z.string().optional(),
    /** China: CNAPS bank code of the account's branch. */
    cnapsCode: z
      .string()
      .regex(/^\d{12}$/, 'CNAPS code has 12 digits')
      .optional(),
  })
  .refine((a) => Boolean(a.iban ?? a.number), {
    error: 'an account needs an IBAN or an account number',
    path: ['number'],
  });
export type Account = z.infer<typeof AccountSchema>;

export const CreditDebitSchema = z.enum(['CREDIT', 'DEBIT']);

/** End-to-end id (pain.001 EndToEndId, max 35) and UETR (SWIFT gpi UUID). */
export const EndToEndIdSchema = z.string().min(1).max(35);
export const UetrSchema = z.uuid({ error: 'UETR is a UUID' });
