import { createHash, createSign, createVerify, type KeyObject } from 'node:crypto';

/**
 * Signs a rendered CEB message, returning it with a ds:Signature as the root's last child.
 * Production signs with the enterprise's hardware key (E-Port card / UKey) through a vendor
 * service, which is why this is an interface: a connector is given the signer it uses.
 */
export interface CebSigner {
  readonly id: string;
  sign(xml: Buffer): Promise<Buffer>;
}

const DS = 'http://www.w3.org/2000/09/xmldsig#';

function signedInfo(digest: string): string {
  return (
    `<ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>` +
    `<ds:SignatureMethod Algorithm="${DS}rsa-sha1"/><ds:Reference URI="">` +
    `<ds:Transforms><ds:Transform Algorithm="${DS}enveloped-signature"/></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="${DS}sha1"/><ds:DigestValue>${digest}</ds:DigestValue>` +
    `</ds:Reference></ds:SignedInfo>`
  );
}

const CLOSING_ROOT = /<\/([\w.-]+:)?(CEB\d{3}Message|DecMessage)>\s*$/;

/**
 * Software RSA-SHA1 enveloped signature, for tests and demos only. It digests the message
 * bytes exactly as TradeHub wrote them instead of running full XML C14N, which is enough for
 * our own writer's output and for the simulator's check, not for E-Port.
 */
export class SoftwareRsaSha1Signer implements CebSigner {
  readonly id = 'software-rsa-sha1';

  constructor(
    private readonly privateKey: KeyObject,
    private readonly keyName: string,
  ) {}

  sign(xml: Buffer): Promise<Buffer> {
    const text = xml.toString('utf8');
    const close = CLOSING_ROOT.exec(text);
    if (!close) return Promise.reject(new Error('not a CEBxxxMessage document'));
    const digest = createHash('sha1').update(xml).digest('base64');
    const info = signedInfo(digest);
    const value = createSign('RSA-SHA1').update(info).sign(this.privateKey, 'base64');
    const signature =
      `  <ds:Signature xmlns:ds="${DS}">${info}<ds:SignatureValue>${value}</ds:SignatureValue>` +
      `<ds:KeyInfo><ds:KeyName>${this.keyName}</ds:KeyName></ds:KeyInfo></ds:Signature>\n`;
    return Promise.resolve(
      Buffer.from(text.slice(0, close.index) + signature + text.slice(close.index)),
    );
  }
}

const SIGNATURE =
  /\s*<ds:Signature xmlns:ds="[^"]+">(<ds:SignedInfo>[\s\S]*?<\/ds:SignedInfo>)<ds:SignatureValue>([^<]+)<\/ds:SignatureValue>[\s\S]*?<\/ds:Signature>\n?/;

/** Checks a signature made by SoftwareRsaSha1Signer: digest of the rest, then the RSA value. */
export function verifySoftwareSignature(xml: Buffer, publicKey: KeyObject): boolean {
  const text = xml.toString('utf8');
  const m = SIGNATURE.exec(text);
  if (!m) return false;
  const unsigned = text.slice(0, m.index) + '\n' + text.slice(m.index + m[0].length);
  const digest = /<ds:DigestValue>([^<]+)</.exec(m[1])?.[1];
  const actual = createHash('sha1').update(Buffer.from(unsigned)).digest('base64');
  if (digest !== actual) return false;
  return createVerify('RSA-SHA1').update(m[1]).verify(publicKey, m[2], 'base64');
}
