import { TradeError } from '../../../core/errors/trade-error';
import type { XmlElement } from '../xml/xml-tree';
import { messageTypeOfRoot, type CebMessage, type CebRecord } from './ceb-types';

const TRANSPORT_PARTS = new Set(['BaseTransfer', 'BaseSubscribe', 'Signature', 'ExtendMessage']);

function rejected(message: string, xpath: string): TradeError {
  return new TradeError('rejected', `CEB: ${message}`, {
    stage: 'parse',
    location: { xpath },
    code: 'CEB_INVALID',
  });
}

/**
 * Reads a CEBxxxMessage element (prefixed `ceb:` or in the default CEB namespace), or a
 * declaration file or declaration receipt (DecMessage, DecReturnMessage) of the same shape.
 */
export function readCeb(root: XmlElement): CebMessage {
  const messageType = messageTypeOfRoot(root.local, root.ns);
  if (!messageType)
    throw rejected(
      `root <${root.name}> in "${root.ns}" is not a CEBxxxMessage in the CEB namespace`,
      `/${root.local}`,
    );
  const guid = root.attr('guid')?.trim();
  if (!guid) throw rejected('guid attribute missing', `/${root.local}/@guid`);
  const business: Record<string, CebRecord[]> = {};
  const message: CebMessage = {
    messageType,
    guid,
    version: root.attr('version')?.trim() ?? '',
    prefix: root.prefix,
    namespace: root.ns,
    business,
    baseSubscribe: root.elements('BaseSubscribe').map(record),
  };
  const transfer = root.child('BaseTransfer');
  if (transfer) message.baseTransfer = record(transfer);
  const signature = root.child('Signature');
  if (signature) message.signature = signature;
  const extend = root.child('ExtendMessage');
  if (extend) message.extendMessage = extend;
  for (const child of root.elements()) {
    if (!TRANSPORT_PARTS.has(child.local)) (business[child.local] ??= []).push(record(child));
  }
  if (Object.keys(business).length === 0) throw rejected('no business element', `/${root.local}`);
  return message;
}

/**
 * A block as a record: leaves become trimmed strings, sub-blocks records, and blocks that repeat
 * (the XSDs' *List elements such as OrderList, or any name seen twice) lists.
 */
export function record(element: XmlElement): CebRecord {
  const out: CebRecord = {};
  const children = element.elements();
  const counts = new Map<string, number>();
  for (const child of children) counts.set(child.local, (counts.get(child.local) ?? 0) + 1);
  for (const child of children) {
    const value = valueOf(child);
    const repeated = counts.get(child.local)! > 1 || /List(Rd)?$/.test(child.local);
    if (repeated) ((out[child.local] ??= []) as Array<string | CebRecord>).push(value);
    else out[child.local] = value;
  }
  return out;
}

function valueOf(element: XmlElement): string | CebRecord {
  return element.elements().length > 0 ? record(element) : element.text().trim();
}
