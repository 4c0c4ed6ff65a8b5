import * as openpgp from 'openpgp';
import type { OpenedFile } from '../../../core/connector/contract';
import { TradeError } from '../../../core/errors/trade-error';
import { bankPublicKey, ourPrivateKey } from './pgp-keys';
import type { BankPgpSettings } from './pgp-settings.schema';

const ARMOR = /^\s*-----BEGIN PGP MESSAGE-----/;
// Packet tags a binary OpenPGP message starts with (RFC 9580 5): PKESK 1, signature 2, SKESK 3,
// one-pass signature 4, compressed 8, literal 11, SEIPD 18. Bank files in clear start with
// ASCII ('{', '<', ':', SOH, '$') or a UTF-8 BOM (0xEF: new-format tag 47), none of which is one.
const MESSAGE_START_TAGS = new Set([1, 2, 3, 4, 8, 11, 18]);

function binaryPacketTag(first: number | undefined): number | undefined {
  if (first === undefined || (first & 0x80) === 0) return undefined;
  return first & 0x40 ? first & 0x3f : (first >> 2) & 0x0f;
}

/** Whether the bytes are an OpenPGP message, armoured or binary. */
export function looksLikePgp(raw: Buffer): 'armored' | 'binary' | undefined {
  if (ARMOR.test(raw.subarray(0, 256).toString('latin1'))) return 'armored';
  const tag = binaryPacketTag(raw[0]);
  return tag !== undefined && MESSAGE_START_TAGS.has(tag) ? 'binary' : undefined;
}

function refuse(partnerId: string, code: string, why: string): TradeError {
  return new TradeError('rejected', `partner ${partnerId}: ${why}`, { stage: 'receive', code });
}

async function readPgp(raw: Buffer, kind: 'armored' | 'binary', partnerId: string) {
  try {
    return kind === 'armored'
      ? await openpgp.readMessage({ armoredMessage: raw.toString('latin1') })
      : await openpgp.readMessage({ binaryMessage: new Uint8Array(raw) });
  } catch (err) {
    throw refuse(partnerId, 'pgp-unreadable', `not a readable OpenPGP message (${reason(err)})`);
  }
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

// Not exported by the library's types: what `decrypt` and `verify` answer per signature.
type VerificationResult = openpgp.DecryptMessageResult['signatures'][number];

interface Unwrapped {
  data: Uint8Array;
  signatures: VerificationResult[];
}

async function decrypt(
  message: openpgp.Message<Uint8Array | string>,
  s: BankPgpSettings,
  verificationKeys: openpgp.PublicKey[],
  partnerId: string,
): Promise<Unwrapped> {
  if (!s.ourPrivateKey)
    throw new TradeError(
      'config',
      `partner ${partnerId}: encrypted file but no pgp.ourPrivateKey`,
      {
        stage: 'receive',
        code: 'pgp-key',
      },
    );
  const key = await ourPrivateKey(s.ourPrivateKey, s.ourPassphrase, partnerId, 'receive');
  try {
    const out = await openpgp.decrypt({
      message,
      decryptionKeys: key,
      verificationKeys,
      format: 'binary',
    });
    return { data: out.data as Uint8Array, signatures: out.signatures };
  } catch (err) {
    throw refuse(partnerId, 'pgp-decrypt', `cannot decrypt with our key (${reason(err)})`);
  }
}

async function verifyOnly(
  message: openpgp.Message<Uint8Array | string>,
  verificationKeys: openpgp.PublicKey[],
  partnerId: string,
): Promise<Unwrapped> {
  try {
    const out = await openpgp.verify({ message, verificationKeys, format: 'binary' });
    return { data: out.data as Uint8Array, signatures: out.signatures };
  } catch (err) {
    throw refuse(
      partnerId,
      'pgp-unreadable',
      `OpenPGP message without readable content (${reason(err)})`,
    );
  }
}

/** The signer's key id when a signature verifies with the bank's key; else why not. */
async function checkSignatures(
  signatures: VerificationResult[],
): Promise<{ signedBy: string } | { problem: string }> {
  if (signatures.length === 0) return { problem: 'not signed' };
  const problems: string[] = [];
  for (const sig of signatures) {
    try {
      await sig.verified;
      return { signedBy: sig.keyID.toHex().toUpperCase() };
    } catch (err) {
      problems.push(`signature by key ${sig.keyID.toHex().toUpperCase()}: ${reason(err)}`);
    }
  }
  return { problem: problems.join('; ') };
}

/**
 * Opens one inbound bank file under the partner's PGP settings, failing closed: an encrypted
 * file is decrypted with our key; a signature present must verify with the bank's key (a bad
 * one is refused even where signatures are optional); a file in clear or unsigned is refused
 * when the settings require encryption or a signature. A file in clear passes unchanged.
 */
export async function openPgpFile(
  raw: Buffer,
  s: BankPgpSettings,
  partnerId: string,
): Promise<OpenedFile> {
  const kind = looksLikePgp(raw);
  if (!kind) {
    if (s.requireEncryptedInbound)
      throw refuse(
        partnerId,
        'pgp-not-encrypted',
        'file arrived in clear; the partner requires PGP encryption',
      );
    if (s.requireSignedInbound)
      throw refuse(
        partnerId,
        'pgp-unsigned',
        'file is not PGP-signed; the partner requires a signature by the bank key',
      );
    return { body: raw, facts: { pgp: { encrypted: false, signed: false } } };
  }
  const message = await readPgp(raw, kind, partnerId);
  const encrypted = message.getEncryptionKeyIDs().length > 0;
  if (!encrypted && s.requireEncryptedInbound)
    throw refuse(
      partnerId,
      'pgp-not-encrypted',
      'OpenPGP file is not encrypted; the partner requires PGP encryption',
    );
  const keys = s.bankPublicKey ? [await bankPublicKey(s.bankPublicKey, partnerId, 'receive')] : [];
  const out = encrypted
    ? await decrypt(message, s, keys, partnerId)
    : await verifyOnly(message, keys, partnerId);
  const facts = { encrypted, armored: kind === 'armored', signed: out.signatures.length > 0 };
  if (out.signatures.length === 0) {
    if (s.requireSignedInbound)
      throw refuse(
        partnerId,
        'pgp-unsigned',
        'file is not PGP-signed; the partner requires a signature by the bank key',
      );
    return { body: Buffer.from(out.data), facts: { pgp: facts } };
  }
  if (keys.length === 0) {
    // Signed, but no bank key to check it with: only acceptable where signatures are optional.
    return { body: Buffer.from(out.data), facts: { pgp: { ...facts, signatureChecked: false } } };
  }
  const checked = await checkSignatures(out.signatures);
  if ('problem' in checked)
    throw refuse(
      partnerId,
      'pgp-bad-signature',
      `PGP signature does not verify with the bank key: ${checked.problem}`,
    );
  return { body: Buffer.from(out.data), facts: { pgp: { ...facts, signedBy: checked.signedBy } } };
}
