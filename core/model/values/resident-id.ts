/**
 * Mainland resident identity card number (居民身份证号码), GB 11643-1999: 6-digit address
 * code, 8-digit birth date, 3-digit sequence and a check character: (12 - Σ digit_i × weight_i
 * mod 11) mod 11, where weight_i = 2^(18-i) mod 11 and 10 is written X.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const SHAPE = /^[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;

/** The check character for the first 17 digits, or undefined if they are not 17 digits. */
export function residentIdCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * WEIGHTS[i];
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** Shape (address, a plausible birth date) and check character; a lower-case x is refused. */
export function isValidResidentId(id: string): boolean {
  return SHAPE.test(id) && residentIdCheckChar(id.slice(0, 17)) === id.charAt(17);
}
