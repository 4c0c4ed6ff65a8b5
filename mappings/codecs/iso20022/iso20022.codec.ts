import { TradeError } from '../../../core/errors/trade-error';
import type {
  Codec,
  DecodedMessage,
  Detection,
  InterchangeInfo,
} from '../../../core/translation/contract';
import { parseXml, type XmlParseOptions } from '../xml/xml-parse';
import type { XmlElement } from '../xml/xml-tree';
import { readCamt } from './camt-read';
import { compact, text } from './iso-read';
import { detectIso20022, isoMessageId } from './iso20022-detect';
import type { CamtMessageType, Iso20022Tree } from './iso20022-types';
import { readPain002 } from './pain002-read';

const CAMT_TYPES = new Set<string>(['camt.052', 'camt.053', 'camt.054']);

/** The Document element: the root, or inside an envelope that also carries the AppHdr. */
function findDocument(root: XmlElement): XmlElement | undefined {
  const queue: Array<{ node: XmlElement; depth: number }> = [{ node: root, depth: 0 }];
  for (let item = queue.shift(); item; item = queue.shift()) {
    if (item.node.local === 'Document' && isoMessageId(item.node.ns)) return item.node;
    if (item.depth < 3)
      for (const child of item.node.elements()) queue.push({ node: child, depth: item.depth + 1 });
  }
  return undefined;
}

function readTree(document: XmlElement): Iso20022Tree {
  const version = isoMessageId(document.ns)!;
  const messageType = version.slice(0, 8);
  if (CAMT_TYPES.has(messageType))
    return readCamt(document, messageType as CamtMessageType, version);
  if (messageType === 'pain.002') return readPain002(document, version);
  return { kind: 'other', messageType, version, document };
}

function messageRef(tree: Iso20022Tree): string | undefined {
  if (tree.kind !== 'other') return tree.groupHeader.msgId;
  const body = tree.document.elements()[0];
  return text(body, 'GrpHdr', 'MsgId') ?? text(body, 'MsgId');
}

/** Interchange facts of a business application header (head.001), when the message has one. */
function appHeader(root: XmlElement): InterchangeInfo | undefined {
  const header = root.local === 'AppHdr' ? root : root.child('AppHdr');
  if (!header) return undefined;
  const bic = (side: string) =>
    text(header, side, 'FIId', 'FinInstnId', 'BICFI') ??
    text(header, side, 'FIId', 'FinInstnId', 'BIC');
  return compact<InterchangeInfo>({
    senderId: bic('Fr'),
    recipientId: bic('To'),
    controlRef: text(header, 'BizMsgIdr'),
    preparedAt: text(header, 'CreDt'),
    syntax: text(header, 'MsgDefIdr'),
  });
}

export function createIso20022Codec(options: XmlParseOptions = {}): Codec<Iso20022Tree> {
  return {
    format: 'iso20022',
    detect: detectIso20022,
    decode(input: Buffer, detection: Detection): Array<DecodedMessage<Iso20022Tree>> {
      const xml = parseXml(input, options);
      const document = findDocument(xml.root);
      if (!document) {
        throw new TradeError(
          'rejected',
          'ISO 20022: no Document element with an ISO 20022 namespace',
          {
            stage: 'parse',
            location: { xpath: `/${xml.root.local}` },
          },
        );
      }
      const tree = readTree(document);
      const message: DecodedMessage<Iso20022Tree> = {
        detection: {
          ...detection,
          version: tree.version,
          messageType: tree.messageType,
          charset: xml.charset,
        },
        messageRef: messageRef(tree),
        index: 0,
        tree,
      };
      const interchange = appHeader(xml.root);
      if (interchange) message.interchange = interchange;
      return [message];
    },
  };
}

/** ISO 20022 codec: camt.052/053/054 and pain.002 into typed trees; other types as XML. */
export const iso20022Codec: Codec<Iso20022Tree> = createIso20022Codec();
