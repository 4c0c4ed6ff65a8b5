import { issue } from '../x12-issue';
import type { X12Issue, X12Loop, X12Node, X12Segment } from '../x12.types';
import {
  allTags,
  isLoopRule,
  triggerTag,
  type X12SetStructure,
  type X12StructureNode,
} from './x12-structure';

interface Level {
  nodes: X12StructureNode[];
  /** Index of the node the level stands at; nodes before it can no longer occur. */
  i: number;
  counts: number[];
  out: X12Node[];
  loopId?: string;
}

interface Ctx {
  segs: X12Segment[];
  pos: number;
  issues: X12Issue[];
  end: X12Segment;
  stack: Level[];
  known: Set<string>;
  setId: string;
}

function level(nodes: X12StructureNode[], start: number, out: X12Node[], loopId?: string): Level {
  return { nodes, i: start, counts: new Array<number>(nodes.length).fill(0), out, loopId };
}

function find(lv: Level, from: number, tag: string): number {
  for (let k = from; k < lv.nodes.length; k++) if (triggerTag(lv.nodes[k]) === tag) return k;
  return -1;
}

/** Position in the transaction set (ST = 1) of the segment at `pos`, or of SE past the end. */
function positionAt(pos: number): number {
  return pos + 2;
}

function here(ctx: Ctx): X12Segment {
  return ctx.segs[ctx.pos] ?? ctx.end;
}

function reportMissing(lv: Level, from: number, to: number, ctx: Ctx): void {
  for (let k = from; k < to; k++) {
    const node = lv.nodes[k];
    if (lv.counts[k] >= node.min) continue;
    const tag = triggerTag(node);
    const at = here(ctx);
    ctx.issues.push(
      issue('segment', 'MANDATORY_SEGMENT_MISSING', `mandatory segment ${tag} missing`, at, {
        ak3: '3',
        segmentId: tag,
        positionInSet: positionAt(ctx.pos),
        loopId: lv.loopId,
      }),
    );
  }
}

function ancestorsCanPlace(ctx: Ctx, tag: string): boolean {
  return ctx.stack.slice(0, -1).some((lv) => find(lv, lv.i, tag) !== -1);
}

function matchLevel(lv: Level, ctx: Ctx): void {
  ctx.stack.push(lv);
  while (ctx.pos < ctx.segs.length) {
    const seg = ctx.segs[ctx.pos];
    let j = find(lv, lv.i, seg.tag);
    while (j !== -1 && lv.counts[j] >= lv.nodes[j].max) {
      const later = find(lv, j + 1, seg.tag);
      if (later === -1) break;
      j = later;
    }
    if (j === -1 && !ctx.known.has(seg.tag)) {
      // A segment foreign to the set stays where it stood; the level goes on.
      ctx.issues.push(stray(seg, ctx, false));
      lv.out.push(seg);
      ctx.pos++;
      continue;
    }
    if (j === -1) break;
    if (j > lv.i && nextFitsBefore(lv, j, ctx)) {
      // A segment ahead of its place, with what follows still fitting before it: misplaced.
      ctx.issues.push(stray(seg, ctx, true));
      lv.out.push(seg);
      ctx.pos++;
      continue;
    }
    const node = lv.nodes[j];
    if (lv.counts[j] >= node.max) {
      if (ancestorsCanPlace(ctx, seg.tag)) break;
      const loopRule = isLoopRule(node);
      ctx.issues.push(
        issue('segment', loopRule ? 'LOOP_OVER_MAX' : 'SEGMENT_OVER_MAX', overMax(node), seg, {
          ak3: loopRule ? '4' : '5',
          segmentId: seg.tag,
          positionInSet: positionAt(ctx.pos),
          loopId: loopRule ? node.loopId : lv.loopId,
        }),
      );
    }
    reportMissing(lv, lv.i, j, ctx);
    lv.i = j;
    lv.counts[j]++;
    ctx.pos++;
    if (!isLoopRule(node)) {
      lv.out.push(seg);
      continue;
    }
    const inst: X12Loop = { loopId: node.loopId, nodes: [seg] };
    const inner = level(node.children, 1, inst.nodes, node.loopId);
    matchLevel(inner, ctx);
    reportMissing(inner, inner.i, inner.nodes.length, ctx);
    lv.out.push(inst);
  }
  ctx.stack.pop();
}

function nextFitsBefore(lv: Level, j: number, ctx: Ctx): boolean {
  const next = ctx.segs[ctx.pos + 1];
  if (!next) return false;
  const k = find(lv, lv.i, next.tag);
  return k !== -1 && k < j;
}

function stray(seg: X12Segment, ctx: Ctx, inSet: boolean): X12Issue {
  return issue(
    'segment',
    inSet ? 'SEGMENT_OUT_OF_SEQUENCE' : 'SEGMENT_NOT_IN_SET',
    inSet
      ? `segment ${seg.tag} not in proper sequence`
      : `segment ${seg.tag} is not defined in transaction set ${ctx.setId}`,
    seg,
    { ak3: inSet ? '7' : '6', segmentId: seg.tag, positionInSet: positionAt(ctx.pos) },
  );
}

function overMax(node: X12StructureNode): string {
  return isLoopRule(node)
    ? `loop ${node.loopId} occurs over its maximum of ${node.max}`
    : `segment ${node.tag} exceeds its maximum use of ${node.max}`;
}

const TAGS = new WeakMap<X12SetStructure, Set<string>>();

function tagsOf(structure: X12SetStructure): Set<string> {
  let tags = TAGS.get(structure);
  if (!tags) TAGS.set(structure, (tags = allTags(structure.nodes)));
  return tags;
}

/**
 * Groups the segments between ST and SE into the loops of `structure`, reporting what breaks
 * it with the 997 segment codes: 3 mandatory missing, 4 loop over max, 5 segment over max,
 * 6 not in the set, 7 not in proper sequence. Misplaced segments are kept where they stood.
 */
export function matchStructure(
  structure: X12SetStructure,
  segs: X12Segment[],
  end: X12Segment,
): { body: X12Node[]; issues: X12Issue[] } {
  const known = tagsOf(structure);
  const ctx: Ctx = { segs, pos: 0, issues: [], end, stack: [], known, setId: structure.id };
  const root = level(structure.nodes, 0, []);
  matchLevel(root, ctx);
  while (ctx.pos < segs.length) {
    const seg = segs[ctx.pos];
    ctx.issues.push(stray(seg, ctx, true));
    root.out.push(seg);
    ctx.pos++;
    matchLevel(root, ctx);
  }
  reportMissing(root, root.i, root.nodes.length, ctx);
  return { body: root.out, issues: ctx.issues };
}
