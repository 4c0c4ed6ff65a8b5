import type { XmlElement } from '../xml/xml-tree';

export const CEB_NAMESPACE = 'http://www.chinaport.gov.cn/ceb';
export const DXP_NAMESPACE = 'http://www.chinaport.gov.cn/dxp';

/**
 * A field value: a code or text (always a string, leading zeros kept), a block, or repeated
 * blocks (repeated leaves, which the CEB schemas do not have, become a string list).
 */
export type CebValue = string | string[] | CebRecord | CebRecord[];

/** A CEB block such as OrderHead: fields in document order. */
export interface CebRecord {
  [field: string]: CebValue;
}

/** DXP TransInfo: who sent the payload to whom, and what it is. */
export interface DxpTransInfo {
  copMsgId?: string;
  senderId?: string;
  receiverIds: string[];
  createdAt?: string;
  msgType?: string;
  fileName?: string;
}

/** One CEBxxxMessage. */
export interface CebMessage {
  /** 'CEB303', 'CEB622' ... */
  messageType: string;
  guid: string;
  /** The message's version attribute ('1.0', 'v1.0'). */
  version: string;
  /** Prefix the sender bound to the CEB namespace, '' for a default namespace. */
  prefix: string;
  namespace: string;
  /** Business elements by name, each a list: several Order or OrderReturn in one message. */
  business: Record<string, CebRecord[]>;
  baseTransfer?: CebRecord;
  baseSubscribe: CebRecord[];
  /** The ds:Signature element, kept whole for signature checks. */
  signature?: XmlElement;
  extendMessage?: XmlElement;
  /** The DXP envelope the message came in, when it came in one. */
  envelope?: DxpTransInfo;
}

/**
 * The goods declaration (报关单) file and its receipts travel the same DXP exchange. No
 * official XSD of ours covers them: the namespace and root names are TradeHub's (?), the
 * fields those of primer §1.1; see connectors/customs-single-window/README.md.
 */
export const DEC_NAMESPACE = 'http://www.chinaport.gov.cn/dec';

/** Declaration message types beside the CEB codes: the declaration and its receipt. */
const DEC_ROOTS: Readonly<Record<string, string>> = {
  DEC: 'DecMessage',
  DECRTN: 'DecReturnMessage',
};

/** The root element and namespace a message type is written with. */
export function messageRootOf(messageType: string): { root: string; ns: string } | undefined {
  if (/^CEB\d{3}$/.test(messageType)) return { root: `${messageType}Message`, ns: CEB_NAMESPACE };
  const dec = DEC_ROOTS[messageType];
  return dec ? { root: dec, ns: DEC_NAMESPACE } : undefined;
}

/** The message type of a root element (CEB303, DEC ...), or undefined for another document. */
export function messageTypeOfRoot(local: string, ns: string): string | undefined {
  const ceb = /^CEB(\d{3})Message$/.exec(local);
  if (ceb) return ns === CEB_NAMESPACE ? `CEB${ceb[1]}` : undefined;
  if (ns !== DEC_NAMESPACE) return undefined;
  return Object.entries(DEC_ROOTS).find(([, root]) => root === local)?.[0];
}
