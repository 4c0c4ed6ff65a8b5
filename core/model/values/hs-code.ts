import { z } from 'zod';

/**
 * Harmonized System code: 6 digits are international (chapter 2, heading 4, subheading 6);
 * national tariffs extend to 8 or 10 (China: 7-8 tariff item, 9-10 supervision subdivision;
 * rebate rates and declaration elements are keyed on all 10). Digits only, no dots.
 */
export const HsCodeSchema = z
  .string()
  .regex(/^\d{6,10}$/, 'must be an HS code of 6 to 10 digits without dots, e.g. 8517130000');
export type HsCode = z.infer<typeof HsCodeSchema>;

/** China declarations (H2018) need the full 10-digit commodity code. */
export const ChinaHsCodeSchema = z
  .string()
  .regex(/^\d{10}$/, 'China customs declarations need a 10-digit commodity code');

export const hsChapter = (hs: string): string => hs.slice(0, 2);
export const hsHeading = (hs: string): string => hs.slice(0, 4);
export const hsSubheading = (hs: string): string => hs.slice(0, 6);
