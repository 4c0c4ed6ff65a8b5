import { TradeError } from '../../../core/errors/trade-error';
import { el } from '../xml/xml-build';
import type { XmlElement } from '../xml/xml-tree';
import { writeXml, type XmlWriteOptions } from '../xml/xml-write';
import {
  DXP_NAMESPACE,
  messageRootOf,
  type CebRecord,
  type CebValue,
  type DxpTransInfo,
} from './ceb-types';

export interface CebMessageInput {
  /** 'CEB303' ... */
  messageType: string;
  /** 36-character upper-case UUID. */
  guid: string;
  version?: string;
  /** Business elements in order, e.g. `{ Order: [{ OrderHead: {...}, OrderList: [...] }] }`. */
  business: Record<string, CebRecord[]>;
  baseTransfer: CebRecord;
  baseSubscribe?: CebRecord[];
}

export interface CebWriteOptions extends Pick<XmlWriteOptions, 'pretty' | 'encoding'> {
  /** Prefix for the CEB namespace: 'ceb' (declarations) or '' (default namespace, receipts). */
  prefix?: string;
}

const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** Builds a CEBxxxMessage: record fields become elements in the order given. */
export function buildCebMessage(input: CebMessageInput, prefix = 'ceb'): XmlElement {
  const known = messageRootOf(input.messageType);
  const root = known?.root ?? `${input.messageType}Message`;
  if (!known) fail(`message type "${input.messageType}"`, `/${root}`);
  if (!GUID.test(input.guid)) fail('guid must be a 36-character upper-case UUID', `/${root}/@guid`);
  const name = (local: string) => (prefix ? `${prefix}:${local}` : local);
  const toElements = (local: string, value: CebValue): XmlElement[] => {
    if (typeof value === 'string') return [el(name(local), {}, value)];
    if (Array.isArray(value))
      return value.flatMap((item: string | CebRecord) => toElements(local, item));
    return [
      el(
        name(local),
        {},
        ...Object.entries(value).flatMap(([key, inner]) => toElements(key, inner)),
      ),
    ];
  };
  const body = Object.entries(input.business).flatMap(([local, records]) =>
    toElements(local, records),
  );
  if (body.length === 0) fail('a message needs a business element', `/${root}`);
  return el(
    name(root),
    {
      [prefix ? `xmlns:${prefix}` : 'xmlns']: known.ns,
      guid: input.guid,
      version: input.version ?? '1.0',
    },
    ...body,
    ...toElements('BaseTransfer', input.baseTransfer),
    ...(input.baseSubscribe ?? []).flatMap((record) => toElements('BaseSubscribe', record)),
  );
}

/** Renders a CEB message as XML (UTF-8 unless told otherwise), with its declaration. */
export function writeCebMessage(input: CebMessageInput, options: CebWriteOptions = {}): Buffer {
  return writeXml(buildCebMessage(input, options.prefix ?? 'ceb'), {
    pretty: options.pretty ?? true,
    encoding: options.encoding,
  });
}

/** Wraps a rendered CEB message in a DXP envelope, its bytes base64 in Data. */
export function writeDxpMessage(
  payload: Buffer,
  info: Required<Pick<DxpTransInfo, 'copMsgId' | 'senderId' | 'createdAt' | 'msgType'>> &
    Pick<DxpTransInfo, 'receiverIds'>,
): Buffer {
  const envelope = el(
    'DxpMsg',
    { xmlns: DXP_NAMESPACE, ver: '1.0' },
    el(
      'TransInfo',
      {},
      el('CopMsgId', {}, info.copMsgId),
      el('SenderId', {}, info.senderId),
      el('ReceiverIds', {}, ...info.receiverIds.map((id) => el('ReceiverId', {}, id))),
      el('CreatTime', {}, info.createdAt),
      el('MsgType', {}, info.msgType),
    ),
    el('Data', {}, payload.toString('base64')),
  );
  return writeXml(envelope, { pretty: true });
}

function fail(message: string, xpath: string): never {
  throw new TradeError('mapping', `CEB: ${message}`, { stage: 'map', location: { xpath } });
}
