import type { XmlElement } from '../codecs/xml/xml-tree';
import { xpathOf } from '../codecs/xml/xml-tree';
import type { Iso20022Tree } from '../codecs/iso20022/iso20022-types';
import { isoMappingError } from './iso-canonical';

/** The message body (first child of Document) of an ISO 20022 type the codec keeps as XML. */
export function otherBody(tree: Iso20022Tree, root: string): XmlElement {
  if (tree.kind !== 'other') throw isoMappingError(`expected ${root}`, '/Document');
  const body = tree.document.child(root);
  if (!body) throw isoMappingError(`${root} is missing`, `${xpathOf(tree.document)}/${root}`);
  return body;
}

export { xpathOf };
