import * as openpgp from 'openpgp';
import { TradeError } from '../../../core/errors/trade-error';
import type { PartnerRecord } from '../../../core/partners/partner.schema';
import { REDACTED, redactSecrets } from '../../../core/security/redact';
import { showSecretsAsSet } from '../../../core/security/secret-fields';
import { bankFileProtection } from './bank-file-protection';
import { looksLikePgp, openPgpFile } from './pgp-open';
import { protectPgpBody } from './pgp-protect';
import {
  BankPgpSettingsSchema,
  BankSftpSettingsSchema,
  type BankPgpSettings,
} from './pgp-settings.schema';

interface Pair {
  privateKey: string;
  publicKey: string;
}
const pair = (name: string, passphrase?: string): Promise<Pair> =>
  openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name, email: `${name}@example.test` }],
    passphrase,
    format: 'armored',
  });

// An MT101 with CRLF line ends: the bytes must come back exactly (binary literal data).
const FILE = Buffer.from(
  '{1:F01AAAACNBJAXXX0000000000}{2:I101BBBBCNBJXXXXN}{4:\r\n:20:PAY-1\r\n-}\r\n',
);

let ours: Pair;
let bank: Pair;
let stranger: Pair;
let lockedOurs: Pair;

beforeAll(async () => {
  [ours, bank, stranger, lockedOurs] = await Promise.all([
    pair('tradehub'),
    pair('bank'),
    pair('stranger'),
    pair('tradehub-locked', 'correct horse'),
  ]);
});

const settings = (s: Partial<BankPgpSettings>): BankPgpSettings => BankPgpSettingsSchema.parse(s);
// Our side of the channel, and the bank's (its keys swapped), as the simulator holds them.
const ourSide = (s: Partial<BankPgpSettings> = {}) =>
  settings({ ourPrivateKey: ours.privateKey, bankPublicKey: bank.publicKey, ...s });
const bankSide = (s: Partial<BankPgpSettings> = {}) =>
  settings({ ourPrivateKey: bank.privateKey, bankPublicKey: ours.publicKey, ...s });

async function refusal(p: Promise<unknown>): Promise<TradeError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TradeError);
  return err as TradeError;
}

async function fromBank(opts: {
  encrypt: boolean;
  sign: 'bank' | 'stranger' | false;
  armor: boolean;
}) {
  const message = await openpgp.createMessage({ binary: new Uint8Array(FILE) });
  const signingKeys = opts.sign
    ? [
        await openpgp.readPrivateKey({
          armoredKey: (opts.sign === 'bank' ? bank : stranger).privateKey,
        }),
      ]
    : [];
  const encryptionKeys = [await openpgp.readKey({ armoredKey: ours.publicKey })];
  const bytes = (await (opts.encrypt
    ? openpgp.encrypt({ message, encryptionKeys, signingKeys, format: 'binary' })
    : openpgp.sign({ message, signingKeys, format: 'binary' }))) as Uint8Array;
  return opts.armor
    ? Buffer.from(openpgp.armor(openpgp.enums.armor.message, bytes))
    : Buffer.from(bytes);
}

describe('PGP of bank files: inbound opened before parsing, fail closed', () => {
  const strict = () => ourSide({ requireSignedInbound: true, requireEncryptedInbound: true });

  it.each([
    ['binary', false],
    ['armoured', true],
  ])('decrypts a %s file encrypted to our key and signed by the bank', async (_kind, armor) => {
    const raw = await fromBank({ encrypt: true, sign: 'bank', armor });
    expect(looksLikePgp(raw)).toBe(armor ? 'armored' : 'binary');
    const opened = await openPgpFile(raw, strict(), 'bank-x');
    expect(opened.body.equals(FILE)).toBe(true);
    const bankKeyId = (await openpgp.readKey({ armoredKey: bank.publicKey })).getKeyID().toHex();
    expect(opened.facts).toEqual({
      pgp: { encrypted: true, armored: armor, signed: true, signedBy: bankKeyId.toUpperCase() },
    });
  });

  it('accepts a signed file in clear where encryption is not required', async () => {
    const raw = await fromBank({ encrypt: false, sign: 'bank', armor: true });
    const opened = await openPgpFile(raw, ourSide({ requireSignedInbound: true }), 'bank-x');
    expect(opened.body.equals(FILE)).toBe(true);
  });

  it('refuses a file encrypted to another key (wrong key)', async () => {
    const raw = await fromBank({ encrypt: true, sign: 'bank', armor: false });
    const other = settings({ ourPrivateKey: stranger.privateKey, bankPublicKey: bank.publicKey });
    const err = await refusal(openPgpFile(raw, other, 'bank-x'));
    expect(err).toMatchObject({ kind: 'rejected', stage: 'receive', code: 'pgp-decrypt' });
    expect(err.message).toMatch(/^partner bank-x: cannot decrypt with our key/);
  });

  it('refuses a file signed by a key that is not the bank key, even where signatures are optional', async () => {
    const raw = await fromBank({ encrypt: true, sign: 'stranger', armor: false });
    const err = await refusal(openPgpFile(raw, ourSide(), 'bank-x'));
    expect(err).toMatchObject({ kind: 'rejected', code: 'pgp-bad-signature' });
    expect(err.message).toMatch(/does not verify with the bank key/);
  });

  it('refuses a signed file whose content was altered (tampered signature)', async () => {
    const raw = await fromBank({ encrypt: false, sign: 'bank', armor: false });
    const at = raw.indexOf(Buffer.from(':20:PAY-1'));
    expect(at).toBeGreaterThan(0);
    raw[at + 8] = '2'.charCodeAt(0);
    const err = await refusal(openPgpFile(raw, ourSide({ requireSignedInbound: true }), 'bank-x'));
    expect(err.code).toBe('pgp-bad-signature');
  });

  it('refuses an encrypted file whose ciphertext was altered', async () => {
    const raw = await fromBank({ encrypt: true, sign: 'bank', armor: false });
    raw[raw.length - 20] ^= 0xff;
    const err = await refusal(openPgpFile(raw, strict(), 'bank-x'));
    expect(err.code).toBe('pgp-decrypt');
  });

  it('refuses an encrypted but unsigned file when signatures are required', async () => {
    const raw = await fromBank({ encrypt: true, sign: false, armor: false });
    const err = await refusal(openPgpFile(raw, strict(), 'bank-x'));
    expect(err).toMatchObject({ kind: 'rejected', code: 'pgp-unsigned' });
    // Where signatures are optional the same file is taken, and its history says unsigned.
    const opened = await openPgpFile(raw, ourSide(), 'bank-x');
    expect(opened.facts).toEqual({ pgp: { encrypted: true, armored: false, signed: false } });
  });

  it('refuses a file in clear when encryption or a signature is required; else passes it unchanged', async () => {
    const clear = Buffer.from('\ufeff<?xml version="1.0"?><Document/>');
    expect(looksLikePgp(clear)).toBeUndefined();
    expect(looksLikePgp(Buffer.from('\u0001{1:F01'))).toBeUndefined();
    expect((await refusal(openPgpFile(clear, strict(), 'b'))).code).toBe('pgp-not-encrypted');
    const signedOnly = ourSide({ requireSignedInbound: true });
    expect((await refusal(openPgpFile(clear, signedOnly, 'b'))).code).toBe('pgp-unsigned');
    expect((await openPgpFile(clear, ourSide(), 'b')).body).toBe(clear);
  });

  it('refuses a signed-only file when encryption is required', async () => {
    const raw = await fromBank({ encrypt: false, sign: 'bank', armor: true });
    expect((await refusal(openPgpFile(raw, strict(), 'b'))).code).toBe('pgp-not-encrypted');
  });

  it('refuses garbage behind a PGP armour header', async () => {
    const raw = Buffer.from(
      '-----BEGIN PGP MESSAGE-----\n\nnot base64 at all\n-----END PGP MESSAGE-----\n',
    );
    expect((await refusal(openPgpFile(raw, ourSide(), 'b'))).code).toBe('pgp-unreadable');
  });
});

describe('PGP of bank files: outbound signed and encrypted before upload', () => {
  it.each([
    ['binary', false, '.pgp'],
    ['armoured', true, '.asc'],
  ])(
    'signs with our key and encrypts to the bank (%s); the bank opens it',
    async (_k, armor, suffix) => {
      const s = ourSide({ encryptOutbound: true, signOutbound: true, armorOutbound: armor });
      const out = (await protectPgpBody(FILE, 'PAY-1.mt101.fin', s, 'bank-x'))!;
      expect(out.suffix).toBe(suffix);
      expect(out.body.includes(Buffer.from(':20:PAY-1'))).toBe(false);
      const atBank = await openPgpFile(
        out.body,
        bankSide({ requireSignedInbound: true, requireEncryptedInbound: true }),
        'tradehub',
      );
      expect(atBank.body.equals(FILE)).toBe(true);
    },
  );

  it('unlocks a passphrase-protected key, and names a wrong passphrase without the key', async () => {
    const base = {
      bankPublicKey: bank.publicKey,
      signOutbound: true,
      ourPrivateKey: lockedOurs.privateKey,
    };
    const ok = await protectPgpBody(
      FILE,
      'f',
      settings({ ...base, ourPassphrase: 'correct horse' }),
      'b',
    );
    expect(ok?.contentType).toBe('application/pgp-signature');
    const err = await refusal(
      protectPgpBody(FILE, 'f', settings({ ...base, ourPassphrase: 'wrong' }), 'b'),
    );
    expect(err).toMatchObject({ kind: 'config', stage: 'deliver', code: 'pgp-key' });
    expect(err.message).not.toContain('PGP');
    expect(err.message).not.toContain('wrong');
  });

  it('leaves the body alone when the partner asks for neither', async () => {
    expect(await protectPgpBody(FILE, 'f', ourSide(), 'b')).toBeUndefined();
  });

  it('renames the uploaded file after its protection; a partner without pgp is untouched', async () => {
    const partner = (pgp?: object) =>
      ({
        id: 'bank-x',
        transports: [{ kind: 'sftp', direction: 'both', ...(pgp ? { pgp } : {}) }],
      }) as unknown as PartnerRecord;
    const delivery = {
      messageId: 'm1',
      partnerId: 'bank-x',
      body: FILE,
      contentType: 'text/plain',
      messageType: 'MT101',
      fileName: 'PAY-1.mt101.fin',
    };
    const pgp = {
      ourPrivateKey: ours.privateKey,
      bankPublicKey: bank.publicKey,
      encryptOutbound: true,
      signOutbound: true,
    };
    const sent = await bankFileProtection.protect(delivery, partner(pgp), 'sftp');
    expect(sent.fileName).toBe('PAY-1.mt101.fin.pgp');
    expect(sent.contentType).toBe('application/pgp-encrypted');
    expect(await bankFileProtection.protect(delivery, partner(), 'sftp')).toBe(delivery);
    expect((await bankFileProtection.open(FILE, partner(), 'sftp')).body).toBe(FILE);
    // A stored record that no longer passes: a config error naming the field, not its value.
    const bad = partner({ bankPublicKey: ours.privateKey });
    const err = await refusal(bankFileProtection.open(FILE, bad, 'sftp'));
    expect(err).toMatchObject({ kind: 'config', code: 'pgp-settings' });
    expect(err.message).toBe('partner bank-x: bad pgp settings (pgp.bankPublicKey)');
  });
});

describe('PGP settings of a bank partner', () => {
  it('keeps our key and passphrase secret in logs and API answers, the bank key visible', () => {
    const transport = {
      kind: 'sftp',
      pgp: { ourPrivateKey: ours.privateKey, ourPassphrase: 'p', bankPublicKey: bank.publicKey },
    };
    expect(redactSecrets(transport).pgp).toEqual({
      ourPrivateKey: REDACTED,
      ourPassphrase: REDACTED,
      bankPublicKey: bank.publicKey,
    });
    expect(showSecretsAsSet(transport).pgp).toMatchObject({
      ourPrivateKey: { set: true },
      ourPassphrase: { set: true },
    });
  });

  it('refuses a private key given as the bank key, and flags without the key they need', () => {
    const issues = (s: object) =>
      BankPgpSettingsSchema.safeParse(s).error?.issues.map(
        (i) => `${i.path.join('.')}: ${i.message}`,
      );
    expect(issues({ bankPublicKey: ours.privateKey })).toEqual([
      'bankPublicKey: an ASCII-armoured PGP public key block (-----BEGIN PGP PUBLIC KEY BLOCK-----)',
    ]);
    expect(issues({ requireSignedInbound: true, signOutbound: 'true' })).toEqual([
      'bankPublicKey: required with requireSignedInbound',
      'ourPrivateKey: required with signOutbound',
    ]);
    // Seed files: '' is unset, 'false' is false, and `\n` escapes are newlines.
    const seeded = BankPgpSettingsSchema.parse({
      ourPrivateKey: '',
      encryptOutbound: 'false',
      bankPublicKey: bank.publicKey.replace(/\n/g, '\\n'),
    });
    expect(seeded).toMatchObject({ encryptOutbound: false, bankPublicKey: bank.publicKey });
    expect(seeded.ourPrivateKey).toBeUndefined();
  });

  it('refuses a content completeness rule for a channel whose files are all encrypted', () => {
    const sftp = { kind: 'sftp', host: 'h', username: 'u', completeness: 'xml-wellformed' };
    const pgp = { ourPrivateKey: ours.privateKey, requireEncryptedInbound: true };
    expect(BankSftpSettingsSchema.safeParse({ ...sftp, pgp }).error?.issues).toMatchObject([
      {
        path: ['completeness'],
        message: 'xml-wellformed cannot read encrypted files: use stable-size or done-file',
      },
    ]);
    expect(
      BankSftpSettingsSchema.safeParse({ ...sftp, completeness: 'stable-size', pgp }).success,
    ).toBe(true);
    expect(BankSftpSettingsSchema.safeParse(sftp).success).toBe(true);
  });
});
