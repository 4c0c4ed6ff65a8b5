import {
  containerCheckDigit,
  ContainerNoSchema,
  isValidContainerNo,
  ReportedContainerNoSchema,
} from './container-no';
import { isValidGs1 } from './gs1';
import { BicSchema, IbanSchema, isValidIban, normaliseIban } from './iban';
import { isValidUscc, usccCheckChar } from './uscc';

describe('ISO 6346 container numbers', () => {
  it('accepts CSQU3054383 (primer §3) and computes its check digit', () => {
    expect(containerCheckDigit('CSQU305438')).toBe(3);
    expect(isValidContainerNo('CSQU3054383')).toBe(true);
    expect(ContainerNoSchema.safeParse('CSQU3054383').success).toBe(true);
  });

  it('refuses a wrong check digit with its own message', () => {
    const r = ContainerNoSchema.safeParse('CSQU3054384');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/check digit/);
  });

  it('keeps a wrong check digit in what a carrier reports, shape still checked', () => {
    expect(ReportedContainerNoSchema.safeParse('CSQU3054384').success).toBe(true);
    expect(ReportedContainerNoSchema.safeParse('CSQ3054383').success).toBe(false);
  });

  it.each(['CSQ3054383', 'CSQX3054383', 'csqu3054383', 'CSQU 305438 3'])('refuses shape %s', (v) =>
    expect(ContainerNoSchema.safeParse(v).success).toBe(false),
  );
});

describe('USCC (GB 32100-2015)', () => {
  it('accepts a code whose check character matches', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('refuses a bad check character, forbidden letters and wrong length', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M00010OY43')).toBe(false); // O is not in the alphabet
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
  });
});

describe('IBAN and BIC', () => {
  it.each(['GB82WEST12345698765432', 'DE89370400440532013000'])('accepts %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
    expect(IbanSchema.safeParse(iban).success).toBe(true);
  });

  it('normalises the printed form', () => {
    expect(normaliseIban('gb82 west 1234 5698 7654 32')).toBe('GB82WEST12345698765432');
  });

  it('refuses a bad mod-97 check, a wrong country length and the printed form', () => {
    expect(isValidIban('GB82WEST12345698765433')).toBe(false);
    expect(isValidIban('DE8937040044053201300')).toBe(false);
    const r = IbanSchema.safeParse('GB83WEST12345698765432');
    expect(r.error?.issues[0].message).toMatch(/mod 97/);
    expect(IbanSchema.safeParse('GB82 WEST 1234 5698 7654 32').success).toBe(false);
  });

  it('checks BIC shape (8 or 11)', () => {
    expect(BicSchema.safeParse('BKCHCNBJ').success).toBe(true);
    expect(BicSchema.safeParse('BKCHCNBJXXX').success).toBe(true);
    expect(BicSchema.safeParse('BKCHCNBJXX').success).toBe(false);
    expect(BicSchema.safeParse('BKCH12BJ').success).toBe(false);
  });
});

describe('GS1 check digit', () => {
  it('accepts a valid GLN and refuses a changed digit', () => {
    expect(isValidGs1('4006381333931')).toBe(true);
    expect(isValidGs1('4006381333932')).toBe(false);
  });
});
