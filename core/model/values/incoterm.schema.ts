import { z } from 'zod';

/** Incoterms 2020: the seven for any mode, then the four for sea and inland waterway. */
export const INCOTERMS_2020 = [
  'EXW',
  'FCA',
  'CPT',
  'CIP',
  'DAP',
  'DPU',
  'DDP',
  'FAS',
  'FOB',
  'CFR',
  'CIF',
] as const;

export const IncotermSchema = z.enum(INCOTERMS_2020, {
  error: `must be an Incoterms 2020 rule: ${INCOTERMS_2020.join(' ')}`,
});
export type Incoterm = z.infer<typeof IncotermSchema>;

/** An Incoterm with its named place, e.g. FOB Shanghai. */
export const TermsOfDeliverySchema = z.strictObject({
  incoterm: IncotermSchema,
  place: z.string().min(1),
});
