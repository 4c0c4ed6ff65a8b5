/**
 * Declarative transaction set structures (the grammar, kept apart from any mapping): segment
 * order, loops, minimum and maximum use. A loop's first child is its trigger segment.
 */
export type X12ElementType = 'AN' | 'ID' | 'N0' | 'N2' | 'R' | 'DT' | 'TM';

export interface X12ElementRule {
  /** Data element reference number, reported in AK402. */
  ref: string;
  mandatory: boolean;
  type: X12ElementType;
  min: number;
  max: number;
}

export interface X12SegmentRule {
  tag: string;
  min: number;
  max: number;
}

export interface X12LoopRule {
  loopId: string;
  min: number;
  max: number;
  children: X12StructureNode[];
}

export type X12StructureNode = X12SegmentRule | X12LoopRule;

export interface X12SetStructure {
  /** ST01. */
  id: string;
  name: string;
  /** GS01 of the group that carries it. */
  functionalId: string;
  /** GS08 release the table follows. */
  version: string;
  /** Nodes between ST and SE. */
  nodes: X12StructureNode[];
  /** True when only the part needed so far is described (310, 315, 214, 210). */
  partial?: boolean;
  /** What changes in 005010, for readers of the table. */
  notes?: string;
}

const MANY = Number.POSITIVE_INFINITY;

/** Mandatory segment. */
export const m = (tag: string, max = 1): X12SegmentRule => ({ tag, min: 1, max });
/** Optional segment; `max` -1 means '>1' (unbounded). */
export const o = (tag: string, max = 1): X12SegmentRule => ({
  tag,
  min: 0,
  max: max < 0 ? MANY : max,
});
/** Loop: `min` 0 optional, 1 mandatory; `max` -1 unbounded. */
export const loop = (
  loopId: string,
  min: number,
  max: number,
  children: X12StructureNode[],
): X12LoopRule => ({ loopId, min, max: max < 0 ? MANY : max, children });

export function isLoopRule(node: X12StructureNode): node is X12LoopRule {
  return 'children' in node;
}

/** The tag that opens a node: the segment itself, or a loop's trigger. */
export function triggerTag(node: X12StructureNode): string {
  return isLoopRule(node) ? triggerTag(node.children[0]) : node.tag;
}

/** Every segment tag used anywhere in the nodes. */
export function allTags(nodes: X12StructureNode[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (isLoopRule(node)) allTags(node.children, into);
    else into.add(node.tag);
  }
  return into;
}
