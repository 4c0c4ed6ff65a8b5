import type { Codec, DecodedMessage, Detection } from '../../../core/translation/contract';
import { parseXml, type XmlDocument, type XmlParseOptions } from './xml-parse';
import { sniffXml } from './xml-sniff';

/** Detection of any XML document; the root's local name stands as message type. */
export function detectXml(input: Buffer): Detection | null {
  const sniff = sniffXml(input);
  if (!sniff) return null;
  return { format: 'xml', standard: 'XML', messageType: sniff.rootLocal, charset: sniff.charset };
}

/** Plain XML codec: one hardened parse, one message holding the whole document. */
export function createXmlCodec(options: XmlParseOptions = {}): Codec<XmlDocument> {
  return {
    format: 'xml',
    detect: detectXml,
    decode(input: Buffer, detection: Detection): Array<DecodedMessage<XmlDocument>> {
      const tree = parseXml(input, options);
      return [{ detection: { ...detection, charset: tree.charset }, index: 0, tree }];
    },
  };
}

export const xmlCodec: Codec<XmlDocument> = createXmlCodec();
