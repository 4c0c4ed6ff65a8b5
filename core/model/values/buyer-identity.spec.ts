import { SalesOrderSchema } from '../documents/commerce.schema';
import { salesOrder } from '../documents/__fixtures__/commerce.fixture';
import { BuyerIdentitySchema, maskBuyerIdentity } from './buyer-identity.schema';
import { isValidResidentId, residentIdCheckChar } from './resident-id';

const identity = {
  idType: '1' as const,
  idNumber: '11010519491231002X',
  name: '张小明',
  telephone: '13812345678',
};

describe('mainland resident ID check digit (GB 11643-1999)', () => {
  it.each([
    // Σ(digit × weight) mod 11 -> check: 2 -> X, 4 -> 6, 1 -> 9 (worked by hand: (12 - r) mod 11).
    ['11010519491231002', 'X'],
    ['33010619900307123', '6'],
    ['33010619900307223', '9'],
    ['44030419880812345', '0'],
  ])('%s has check character %s', (first17, check) => {
    expect(residentIdCheckChar(first17)).toBe(check);
    expect(isValidResidentId(first17 + check)).toBe(true);
  });

  it.each([
    ['wrong check digit', '110105194912310021'],
    ['lower-case x', '11010519491231002x'],
    ['impossible month', '110105194913310021'],
    ['15-digit old number', '110105491231002'],
    ['letters', '1101051949123100AX'],
  ])('refuses a %s', (_why, id) => {
    expect(isValidResidentId(id)).toBe(false);
  });
});

describe('BuyerIdentitySchema', () => {
  it('takes a resident ID with its check digit', () => {
    expect(BuyerIdentitySchema.parse(identity)).toEqual(identity);
  });

  it('names the field of each problem', () => {
    const r = BuyerIdentitySchema.safeParse({
      ...identity,
      idType: '9',
      telephone: 'call me',
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['idType', 'telephone']);
    const bad = BuyerIdentitySchema.safeParse({ ...identity, idNumber: '110105194912310021' });
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['idNumber']);
  });

  it('other ID types are not held to the resident ID format', () => {
    expect(
      BuyerIdentitySchema.safeParse({ ...identity, idType: '2', idNumber: 'E12345678' }).success,
    ).toBe(true);
  });

  it('is optional on the SalesOrder buyer, and checked when present', () => {
    expect(SalesOrderSchema.safeParse(salesOrder).success).toBe(true);
    const withId = { ...salesOrder, buyer: { ...salesOrder.buyer, identity } };
    expect(SalesOrderSchema.parse(withId).buyer.identity).toEqual(identity);
    const bad = SalesOrderSchema.safeParse({
      ...withId,
      buyer: { ...withId.buyer, identity: { ...identity, idNumber: '110105194912310021' } },
    });
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['buyer.identity.idNumber']);
  });
});

describe('maskBuyerIdentity', () => {
  it('keeps the first and last four of the number, the first character of the name', () => {
    expect(maskBuyerIdentity(identity)).toEqual({
      idType: '1',
      idNumber: '1101**********002X',
      name: '张**',
      telephone: '138*****678',
    });
  });

  it('masks short values entirely and never returns the input', () => {
    const short = maskBuyerIdentity({
      idType: '2',
      idNumber: 'A1234',
      name: 'Li',
      telephone: '12345',
    });
    expect(short).toEqual({ idType: '2', idNumber: '*****', name: 'L*', telephone: '*****' });
  });
});
