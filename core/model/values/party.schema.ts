import { z } from 'zod';
import { CountryCodeSchema } from './country.codes';
import { isValidGs1 } from './gs1';
import { BIC_PATTERN } from './iban';
import { isValidUscc } from './uscc';

const id = <S extends string>(scheme: S, pattern: RegExp, hint: string) =>
  z.strictObject({
    scheme: z.literal(scheme),
    value: z.string().regex(pattern, `${scheme}: ${hint}`),
  });

/** How a party is identified by customs, banks, EDI networks and marketplaces. */
export const PartyIdentifierSchema = z.discriminatedUnion('scheme', [
  id('USCC', /^[0-9A-Z]{18}$/, '18-character unified social credit code').refine(
    (v) => isValidUscc(v.value),
    { error: 'USCC: check character (GB 32100-2015) does not match', path: ['value'] },
  ),
  // 海关注册编码: 10 characters issued by China customs to consignors and agents.
  id('CUSTOMS', /^[0-9A-Z]{10}$/, '10-character China customs registration code'),
  id('EORI', /^[A-Z]{2}[0-9A-Z]{1,15}$/, 'country prefix and up to 15 characters'),
  id('BIC', BIC_PATTERN, '8 or 11 characters'),
  id('DUNS', /^\d{9}$/, '9 digits'),
  id('GLN', /^\d{13}$/, '13 digits').refine((v) => isValidGs1(v.value), {
    error: 'GLN: GS1 check digit does not match',
    path: ['value'],
  }),
  id('VAT', /^[0-9A-Z][0-9A-Z.-]{3,19}$/, '4 to 20 letters and digits'),
  z.strictObject({
    scheme: z.literal('EDI'),
    value: z.string().min(1).max(35),
    // Partner id qualifier: UN/EDIFACT 0007 (14 = GS1, ZZZ = mutually defined) or X12 ISA05.
    qualifier: z.string().min(1).max(4),
  }),
  z.strictObject({
    scheme: z.literal('SHOP'),
    value: z.string().min(1),
    /** The marketplace: shopee, amazon, ... */
    platform: z.string().min(1),
    marketplaceId: z.string().optional(),
  }),
  z.strictObject({
    scheme: z.literal('OTHER'),
    value: z.string().min(1),
    issuer: z.string().optional(),
  }),
]);
export type PartyIdentifier = z.infer<typeof PartyIdentifierSchema>;
export type IdentifierScheme = PartyIdentifier['scheme'];

export const AddressSchema = z.strictObject({
  lines: z.array(z.string().min(1)).max(6).optional(),
  city: z.string().min(1).optional(),
  region: z.string().optional(),
  postalCode: z.string().max(16).optional(),
  country: CountryCodeSchema,
});
export type Address = z.infer<typeof AddressSchema>;

export const ContactSchema = z.strictObject({
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.email({ error: 'must be an e-mail address' }).optional(),
});

/** Any trade party; names are kept in their own script (Chinese, Latin, ...). */
export const PartySchema = z.strictObject({
  name: z.string().trim().min(1, 'party name is required'),
  /** Name in another script, e.g. the Latin name of a Chinese company. */
  altName: z.string().optional(),
  identifiers: z.array(PartyIdentifierSchema).optional(),
  address: AddressSchema.optional(),
  contact: ContactSchema.optional(),
});
export type Party = z.infer<typeof PartySchema>;

/** The first identifier value of a scheme, e.g. partyId(seller, 'USCC'). */
export function partyId(party: Party | undefined, scheme: IdentifierScheme): string | undefined {
  return party?.identifiers?.find((i) => i.scheme === scheme)?.value;
}
