import * as openpgp from 'openpgp';
import { TradeError } from '../../../core/errors/trade-error';
import { bankPublicKey, ourPrivateKey } from './pgp-keys';
import type { BankPgpSettings } from './pgp-settings.schema';

export interface ProtectedBody {
  body: Buffer;
  /** '.asc' for ASCII armour, '.pgp' for binary OpenPGP. */
  suffix: string;
  contentType: string;
}

/**
 * Signs the outbound body with our key and/or encrypts it to the bank's key, as the partner's
 * settings say; undefined when they ask for neither. The literal data is the rendered file's
 * bytes unchanged (binary), so CRLF line ends of an MT101 survive.
 */
export async function protectPgpBody(
  body: Buffer,
  fileName: string,
  s: BankPgpSettings,
  partnerId: string,
): Promise<ProtectedBody | undefined> {
  if (!s.encryptOutbound && !s.signOutbound) return undefined;
  const message = await openpgp.createMessage({ binary: new Uint8Array(body), filename: fileName });
  const signingKeys = s.signOutbound
    ? [await ourPrivateKey(s.ourPrivateKey!, s.ourPassphrase, partnerId, 'deliver')]
    : [];
  const encryptionKeys = s.encryptOutbound
    ? [await bankPublicKey(s.bankPublicKey!, partnerId, 'deliver')]
    : [];
  try {
    const bytes: Uint8Array = s.encryptOutbound
      ? ((await openpgp.encrypt({
          message,
          encryptionKeys,
          signingKeys,
          format: 'binary',
        })) as Uint8Array)
      : ((await openpgp.sign({ message, signingKeys, format: 'binary' })) as Uint8Array);
    const armoured = s.armorOutbound
      ? openpgp.armor(openpgp.enums.armor.message, bytes)
      : undefined;
    return {
      body: armoured ? Buffer.from(armoured, 'utf8') : Buffer.from(bytes),
      suffix: armoured ? '.asc' : '.pgp',
      contentType: s.encryptOutbound ? 'application/pgp-encrypted' : 'application/pgp-signature',
    };
  } catch (err) {
    // An expired or revoked bank key, say: nothing to retry until an operator changes it.
    throw new TradeError(
      'config',
      `partner ${partnerId}: cannot ${s.encryptOutbound ? 'encrypt' : 'sign'} the file (${err instanceof Error ? err.message : String(err)})`,
      { stage: 'deliver', code: 'pgp-protect' },
    );
  }
}
