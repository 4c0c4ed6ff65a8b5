import type { EdifactSegment } from './segment.model';
import { pushAll } from '../../../core/collections';

export type TreeNode = EdifactSegment | SegmentGroup;

/**
 * One occurrence of a segment group (or the message itself as the root). `id` is the group's
 * number in the structure's reference directory ('SG4'; the root carries the message type) and
 * `trigger` its first segment's tag. Group numbers shift between directory versions while
 * triggers do not, so accessors take either: groups('SG4') or groups('CNI').
 */
export class SegmentGroup {
  readonly children: TreeNode[] = [];

  constructor(
    readonly id: string,
    readonly trigger: string,
  ) {}

  /** The first segment of this group occurrence (its trigger segment). */
  get head(): EdifactSegment | undefined {
    return this.segments()[0];
  }

  /** Direct child segments, optionally only those with a tag. */
  segments(tag?: string): EdifactSegment[] {
    const out: EdifactSegment[] = [];
    for (const c of this.children)
      if (!isGroup(c) && (tag === undefined || c.tag === tag)) out.push(c);
    return out;
  }

  /** The first direct child segment with this tag. */
  segment(tag: string): EdifactSegment | undefined {
    for (const c of this.children) if (!isGroup(c) && c.tag === tag) return c;
    return undefined;
  }

  /** Direct child segments with this tag whose element `element` component 0 equals `qualifier`. */
  qualified(tag: string, qualifier: string, element = 0): EdifactSegment[] {
    return this.segments(tag).filter((s) => s.get(element) === qualifier);
  }

  /** Direct child group occurrences, by group id ('SG4') or trigger tag ('CNI'). */
  groups(key: string): SegmentGroup[] {
    const byId = /^SG\d+x?$/.test(key);
    const out: SegmentGroup[] = [];
    for (const c of this.children) if (isGroup(c) && (byId ? c.id : c.trigger) === key) out.push(c);
    return out;
  }

  group(key: string): SegmentGroup | undefined {
    return this.groups(key)[0];
  }

  /** Every segment with this tag anywhere below, in document order. */
  findAll(tag: string): EdifactSegment[] {
    const out: EdifactSegment[] = [];
    for (const c of this.children) {
      if (isGroup(c)) pushAll(out, c.findAll(tag));
      else if (c.tag === tag) out.push(c);
    }
    return out;
  }

  toJSON(): { group: string; trigger: string; children: TreeNode[] } {
    return { group: this.id, trigger: this.trigger, children: this.children };
  }
}

export function isGroup(node: TreeNode): node is SegmentGroup {
  return node instanceof SegmentGroup;
}
