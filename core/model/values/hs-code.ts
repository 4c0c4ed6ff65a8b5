import { z } from 'zod';

/**
 * Harmonized System code: 6 digits are international (chapter 2, heading 4, subheading 6);
 * national tariffs extend by pairs to 8 or 10 (China: 7-8 tariff item, 9-10 supervision
 * subdivision; rebate rates and declaration elements are keyed on all 10). Digits only, no
 * dots; 7 or 9 digits are a truncated code, not a level of the nomenclature.
 */
export const HsCodeSchema = z
  .string()
  .regex(
    /^(?:\d{6}|\d{8}|\d{10})$/,
    'must be an HS code of 6, 8 or 10 digits without dots, e.g. 8517130000',
  );
export type HsCode = z.infer<typeof HsCodeSchema>;

/** China declarations (H2018) need the full 10-digit commodity code. */
export const ChinaHsCodeSchema = z
  .string()
  .regex(/^\d{10}$/, 'China customs declarations need a 10-digit commodity code');

export const hsChapter = (hs: string): string => hs.slice(0, 2);
export const hsHeading = (hs: string): string => hs.slice(0, 4);
export const hsSubheading = (hs: string): string => hs.slice(0, 6);

/**
 * China single-window form: the 10-digit commodity code followed by the 3-digit CIQ
 * (inspection and quarantine) code, e.g. 8517130000 + 999 = 8517130000999.
 */
export const ChinaHsCiqCodeSchema = z
  .string()
  .regex(/^\d{13}$/, 'must be a 10-digit commodity code followed by its 3-digit CIQ code');

/** The commodity code and CIQ code of a 13-digit China form. */
export function splitHsCiq(code: string): { hsCode: string; ciqCode: string } {
  return { hsCode: code.slice(0, 10), ciqCode: code.slice(10) };
}
