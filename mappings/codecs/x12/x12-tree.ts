import type { X12Delimiters, X12Loop, X12Node, X12Segment } from './x12.types';

/** Accessors for mappings: read the tree without knowing how it is laid out. */

export function isLoop(node: X12Node): node is X12Loop {
  return 'loopId' in node;
}

/** Element `position` (1-based, as in "W0502"), '' when absent. */
export function element(seg: X12Segment, position: number): string {
  return seg.elements[position - 1] ?? '';
}

/** Component `component` (1-based) of element `position`. */
export function component(
  seg: X12Segment,
  position: number,
  componentIndex: number,
  d: Pick<X12Delimiters, 'component'>,
): string {
  return element(seg, position).split(d.component)[componentIndex - 1] ?? '';
}

/** Repetitions of element `position` (one value when the release has no repetition separator). */
export function repetitions(
  seg: X12Segment,
  position: number,
  d: Pick<X12Delimiters, 'repetition'>,
): string[] {
  const value = element(seg, position);
  if (value === '') return [];
  return d.repetition ? value.split(d.repetition) : [value];
}

/** Every segment under `nodes`, depth first, in input order. */
export function* segments(nodes: X12Node[]): Generator<X12Segment> {
  for (const node of nodes) {
    if (isLoop(node)) yield* segments(node.nodes);
    else yield node;
  }
}

/** Segments with `tag` directly under `nodes` (not inside their loops). */
export function segmentsAt(nodes: X12Node[], tag: string): X12Segment[] {
  return nodes.filter((n): n is X12Segment => !isLoop(n) && n.tag === tag);
}

/** First segment with `tag` directly under `nodes`. */
export function segmentAt(nodes: X12Node[], tag: string): X12Segment | undefined {
  return segmentsAt(nodes, tag)[0];
}

/** Loop occurrences with `loopId` directly under `nodes`. */
export function loopsAt(nodes: X12Node[], loopId: string): X12Loop[] {
  return nodes.filter((n): n is X12Loop => isLoop(n) && n.loopId === loopId);
}

/** Segments with `tag` at any depth. */
export function findSegments(nodes: X12Node[], tag: string): X12Segment[] {
  return [...segments(nodes)].filter((s) => s.tag === tag);
}

/** The N1 loop whose N101 entity code is `entity` (e.g. 'ST' ship-to), directly under `nodes`. */
export function partyLoop(nodes: X12Node[], entity: string): X12Loop | undefined {
  return loopsAt(nodes, 'N1').find((l) => element(l.nodes[0] as X12Segment, 1) === entity);
}

/** Value of the first N9/REF with qualifier `qualifier` directly under `nodes`. */
export function reference(nodes: X12Node[], qualifier: string): string | undefined {
  for (const node of nodes) {
    if (isLoop(node) || (node.tag !== 'N9' && node.tag !== 'REF')) continue;
    if (element(node, 1) === qualifier) return element(node, 2);
  }
  return undefined;
}

export interface HlNode {
  id: string;
  parentId: string;
  /** HL03: S shipment, O order, T tare, P pack, I item ... */
  level: string;
  loop: X12Loop;
  children: HlNode[];
}

/** The 856 HL loops nested by HL01/HL02 (the table keeps them flat). */
export function hlHierarchy(nodes: X12Node[]): HlNode[] {
  const byId = new Map<string, HlNode>();
  const roots: HlNode[] = [];
  for (const loop of loopsAt(nodes, 'HL')) {
    const hl = loop.nodes[0] as X12Segment;
    const node: HlNode = {
      id: element(hl, 1),
      parentId: element(hl, 2),
      level: element(hl, 3),
      loop,
      children: [],
    };
    byId.set(node.id, node);
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
