/**
 * China unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, S, V, Z). Position 1 is the
 * registering authority, 2 the entity category, 3-8 the administrative division, 9-17 the
 * organisation code, and 18 a check character: 31 - (Σ value_i × weight_i mod 31), where
 * weight_i = 3^(i-1) mod 31, and 31 maps to 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters, or undefined if they are malformed. */
export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i];
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function isValidUscc(code: string): boolean {
  return SHAPE.test(code) && usccCheckChar(code.slice(0, 17)) === code.charAt(17);
}
