import { segments } from './x12-tree';
import type { X12Delimiters, X12Interchange, X12Segment, X12TransactionSet } from './x12.types';

export function serializeSegment(seg: X12Segment, d: X12Delimiters): string {
  const body = seg.elements.length ? seg.tag + d.element + seg.elements.join(d.element) : seg.tag;
  return body + d.segment + d.lineEnding;
}

export function serializeSet(set: X12TransactionSet, d: X12Delimiters): string {
  let out = serializeSegment(set.st, d);
  for (const seg of segments(set.body)) out += serializeSegment(seg, d);
  return set.se ? out + serializeSegment(set.se, d) : out;
}

/**
 * Writes interchanges back exactly as their trees hold them: padded ISA, separators and line
 * endings of each interchange, control numbers and counts as stored (buildInterchange computes
 * them for new messages). A parsed tree serializes to its input.
 */
export function serializeX12(interchanges: X12Interchange | X12Interchange[]): string {
  const list = Array.isArray(interchanges) ? interchanges : [interchanges];
  const parts: string[] = [];
  for (const ic of list) {
    const d = ic.delimiters;
    parts.push(serializeSegment(ic.isa, d));
    for (const group of ic.groups) {
      parts.push(serializeSegment(group.gs, d));
      for (const set of group.sets) parts.push(serializeSet(set, d));
      if (group.ge) parts.push(serializeSegment(group.ge, d));
    }
    if (ic.iea) parts.push(serializeSegment(ic.iea, d));
  }
  return parts.join('');
}
