import type { Detection } from '../../../core/translation/contract';
import { sniffXml } from '../xml/xml-sniff';

const ISO_URN = 'urn:iso:std:iso:20022:tech:xsd:';
// Message identifier in a namespace: ISO URNs and national variants such as
// http://www.six-interbank-clearing.com/de/pain.002.001.03.ch.02.xsd
const MESSAGE_ID = /\b([a-z]{4})\.(\d{3})\.(\d{3})\.(\d{2})(?:\.[\w.]*)?$/;
const NAMESPACE_DECL = /xmlns(?::[\w.-]+)?\s*=\s*["']([^"']+)["']/g;

/** Message identifier ('camt.053.001.08') of an ISO 20022 namespace URI, business header excluded. */
export function isoMessageId(namespace: string): string | undefined {
  const match = MESSAGE_ID.exec(namespace);
  if (!match || match[1] === 'head') return undefined;
  return `${match[1]}.${match[2]}.${match[3]}.${match[4]}`;
}

/**
 * ISO 20022 by the namespace of its Document: `urn:iso:std:iso:20022:tech:xsd:camt.053.001.02`
 * gives version 'camt.053.001.02' and message type 'camt.053'. A business application header
 * (head.001) in front of the Document is looked past.
 */
export function detectIso20022(input: Buffer): Detection | null {
  const sniff = sniffXml(input);
  if (!sniff) return null;
  for (const match of sniff.head.matchAll(NAMESPACE_DECL)) {
    const uri = match[1];
    const id = isoMessageId(uri);
    if (!id) continue;
    if (!uri.startsWith(ISO_URN) && sniff.rootLocal !== 'Document') continue;
    return {
      format: 'iso20022',
      standard: 'ISO 20022',
      version: id,
      messageType: id.slice(0, 8),
      charset: sniff.charset,
    };
  }
  return null;
}
