import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import { TradeError, type Stage } from '../../../core/errors/trade-error';

// Unlocking a private key runs its passphrase's key derivation: done once per key, not per file.
// Holding the unlocked key in memory is what the partner registry already does with secrets.
const MAX_CACHED = 64;
const cache = new Map<string, Promise<unknown>>();

function cached<T>(parts: readonly string[], make: () => Promise<T>): Promise<T> {
  const key = createHash('sha256').update(parts.join('\0')).digest('hex');
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    hit = make();
    // A failure is not remembered: the operator fixes the key and the next file tries again.
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

// The key's text and the library's message are never put in the error: they may echo it.
function keyError(partnerId: string, what: string, stage: Stage, code: string): TradeError {
  return new TradeError('config', `partner ${partnerId}: ${what}`, { stage, code });
}

/** Our private key, unlocked with its passphrase when it has one. */
export function ourPrivateKey(
  armored: string,
  passphrase: string | undefined,
  partnerId: string,
  stage: Stage,
): Promise<openpgp.PrivateKey> {
  return cached(['private', armored, passphrase ?? ''], async () => {
    let key: openpgp.PrivateKey;
    try {
      key = await openpgp.readPrivateKey({ armoredKey: armored });
    } catch {
      throw keyError(
        partnerId,
        'pgp.ourPrivateKey is not a readable private key',
        stage,
        'pgp-key',
      );
    }
    if (key.isDecrypted()) return key;
    if (!passphrase)
      throw keyError(
        partnerId,
        'pgp.ourPrivateKey is locked and no pgp.ourPassphrase is set',
        stage,
        'pgp-key',
      );
    try {
      return await openpgp.decryptKey({ privateKey: key, passphrase });
    } catch {
      throw keyError(
        partnerId,
        'pgp.ourPassphrase does not unlock pgp.ourPrivateKey',
        stage,
        'pgp-key',
      );
    }
  });
}

/** The bank's public key. */
export function bankPublicKey(
  armored: string,
  partnerId: string,
  stage: Stage,
): Promise<openpgp.PublicKey> {
  return cached(['public', armored], async () => {
    try {
      return (await openpgp.readKey({ armoredKey: armored })).toPublic();
    } catch {
      throw keyError(partnerId, 'pgp.bankPublicKey is not a readable public key', stage, 'pgp-key');
    }
  });
}
