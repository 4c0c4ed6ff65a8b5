import { z } from 'zod';

/** UN/LOCODE: country (2 letters) + location (3 of A-Z, 2-9), as DCSA writes it: CNSHA. */
export const UN_LOCODE_PATTERN = /^[A-Z]{2}[A-Z2-9]{3}$/;

export const UnLocodeSchema = z
  .string()
  .regex(UN_LOCODE_PATTERN, 'must be a UN/LOCODE of 5 characters without space, e.g. CNSHA');

/** A port, terminal, depot or inland place. */
export const LocationSchema = z.strictObject({
  unLocode: UnLocodeSchema,
  name: z.string().optional(),
  /** Terminal or depot code (SMDG/BIC facility code) within the UN/LOCODE. */
  facilityCode: z.string().max(16).optional(),
});
export type Location = z.infer<typeof LocationSchema>;
