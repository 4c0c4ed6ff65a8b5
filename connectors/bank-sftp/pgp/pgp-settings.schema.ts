import { z } from 'zod';
import { SftpSettingsSchema } from '../../transports/sftp';

// Seed files fill unset variables with '' (`${X:-}`) and carry newlines as `\n` escapes.
const armored = (header: string) =>
  z.preprocess(
    (v) =>
      v === '' || v === null ? undefined : typeof v === 'string' ? v.replace(/\\n/g, '\n') : v,
    z
      .string()
      .refine((v) => v.includes(`-----BEGIN PGP ${header}-----`), {
        message: `an ASCII-armoured PGP ${header.toLowerCase()} (-----BEGIN PGP ${header}-----)`,
      })
      .optional(),
  );
const optionalSecret = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.string().optional(),
);
// `${X:-false}` in a seed file is the string 'false', which z.coerce.boolean reads as true.
const flag = z.preprocess(
  (v) => (v === 'true' ? true : v === 'false' || v === '' ? false : v),
  z.boolean().default(false),
);

/**
 * A bank partner's PGP settings. `ourPrivateKey` and `ourPassphrase` are secret by name
 * (core/security/redact.ts): sealed at rest, `{ "set": true }` in API answers, never logged.
 * `bankPublicKey` is public; a private key pasted there is refused, so it is never shown.
 */
export const BankPgpSettingsSchema = z
  .object({
    /** Our key: signs what we send and decrypts what the bank encrypted to us. */
    ourPrivateKey: armored('PRIVATE KEY BLOCK'),
    ourPassphrase: optionalSecret,
    /** The bank's key: what we send is encrypted to it; the bank's signatures are checked with it. */
    bankPublicKey: armored('PUBLIC KEY BLOCK'),
    encryptOutbound: flag,
    signOutbound: flag,
    /** Unsigned, badly signed or signed-by-another-key files are refused. */
    requireSignedInbound: flag,
    /** Files that arrive in clear are refused. */
    requireEncryptedInbound: flag,
    /** ASCII armour (`.asc`) or binary OpenPGP (`.pgp`) for what we send. */
    armorOutbound: z.preprocess(
      (v) => (v === 'true' ? true : v === 'false' ? false : v),
      z.boolean().default(false),
    ),
  })
  .superRefine((s, ctx) => {
    const need = (key: 'ourPrivateKey' | 'bankPublicKey', when: string) =>
      ctx.addIssue({ code: 'custom', path: [key], message: `required with ${when}` });
    if (!s.bankPublicKey && s.encryptOutbound) need('bankPublicKey', 'encryptOutbound');
    if (!s.bankPublicKey && s.requireSignedInbound) need('bankPublicKey', 'requireSignedInbound');
    if (!s.ourPrivateKey && s.signOutbound) need('ourPrivateKey', 'signOutbound');
    if (!s.ourPrivateKey && s.requireEncryptedInbound)
      need('ourPrivateKey', 'requireEncryptedInbound');
  });

export type BankPgpSettings = z.infer<typeof BankPgpSettingsSchema>;

// Content rules look for a closing tag, UNZ or IEA in the bytes, which encryption hides: such
// a file would wait out `staleAfterSec` at every poll instead of being taken.
const CONTENT_RULES = new Set(['edifact-unz', 'x12-iea', 'xml-wellformed']);

/** The bank connector's SFTP settings: the shared transport's, plus PGP per partner. */
export const BankSftpSettingsSchema = SftpSettingsSchema.extend({
  pgp: BankPgpSettingsSchema.optional(),
}).superRefine((s, ctx) => {
  if (s.pgp?.requireEncryptedInbound && CONTENT_RULES.has(s.completeness))
    ctx.addIssue({
      code: 'custom',
      path: ['completeness'],
      message: `${s.completeness} cannot read encrypted files: use stable-size or done-file`,
    });
});
