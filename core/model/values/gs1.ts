/**
 * GS1 check digit (GLN, GTIN): from the right, digits are weighted 3, 1, 3, ...
 * (excluding the check digit itself); check = (10 - Σ mod 10) mod 10.
 */
export function isValidGs1(code: string): boolean {
  if (!/^\d{8,18}$/.test(code)) return false;
  const digits = code.split('').map(Number);
  const check = digits.pop();
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}
