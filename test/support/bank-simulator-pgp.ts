import * as openpgp from 'openpgp';

/**
 * The bank's side of a PGP-protected host-to-host channel, written on openpgp directly (not on
 * TradeHub's own PGP step, which it checks): the bank's key pair and the customer's public key.
 */
export interface BankChannelPgp {
  bankPrivateKey: string;
  customerPublicKey: string;
  /** Refuse (leave in the folder, renamed `.refused`) files the customer did not sign. */
  requireSigned?: boolean;
  /** What the bank drops: signed with its key, encrypted to the customer's, armoured or not. */
  sign?: boolean;
  encrypt?: boolean;
  armor?: boolean;
  /** A bank that signs with another key than the one the customer holds (a rotated key). */
  signingKey?: string;
}

/** Test key pairs: ECC, generated for each run, never written anywhere but the partner record. */
export async function pgpKeyPair(name: string, passphrase?: string) {
  return openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name, email: `${name}@example.test` }],
    passphrase,
    format: 'armored',
  });
}

/** Opens a file the customer uploaded: decrypted with the bank key, signature checked. */
export async function bankOpens(raw: Buffer, pgp: BankChannelPgp): Promise<Buffer> {
  const armored = raw.subarray(0, 64).toString('latin1').includes('-----BEGIN PGP MESSAGE-----');
  const message = armored
    ? await openpgp.readMessage({ armoredMessage: raw.toString('latin1') })
    : await openpgp.readMessage({ binaryMessage: new Uint8Array(raw) });
  const decryptionKeys = await openpgp.readPrivateKey({ armoredKey: pgp.bankPrivateKey });
  const verificationKeys = await openpgp.readKey({ armoredKey: pgp.customerPublicKey });
  const encrypted = message.getEncryptionKeyIDs().length > 0;
  const options = {
    message,
    verificationKeys,
    expectSigned: pgp.requireSigned,
    format: 'binary',
  } as const;
  const out = encrypted
    ? await openpgp.decrypt({ ...options, decryptionKeys })
    : await openpgp.verify(options);
  return Buffer.from(out.data as Uint8Array);
}

/** Protects a file the bank drops; returns its bytes and the name suffix. */
export async function bankProtects(body: string, pgp: BankChannelPgp): Promise<[Buffer, string]> {
  if (!pgp.sign && !pgp.encrypt) return [Buffer.from(body), ''];
  const message = await openpgp.createMessage({ binary: new Uint8Array(Buffer.from(body)) });
  const signingKeys = pgp.sign
    ? [await openpgp.readPrivateKey({ armoredKey: pgp.signingKey ?? pgp.bankPrivateKey })]
    : [];
  const bytes = pgp.encrypt
    ? ((await openpgp.encrypt({
        message,
        signingKeys,
        encryptionKeys: await openpgp.readKey({ armoredKey: pgp.customerPublicKey }),
        format: 'binary',
      })) as Uint8Array)
    : ((await openpgp.sign({ message, signingKeys, format: 'binary' })) as Uint8Array);
  return pgp.armor
    ? [Buffer.from(openpgp.armor(openpgp.enums.armor.message, bytes)), '.asc']
    : [Buffer.from(bytes), '.pgp'];
}
