import { edifactError, SyntaxErrorCode } from './edifact.errors';
import { SegmentGroup } from './segment-group.model';
import type { EdifactSegment } from './segment.model';
import { leadTag, type GroupRule, type MessageStructure, type Rule } from './structure.dsl';
import { pushAll } from '../../../core/collections';

interface Overflow {
  at: number;
  rule: Rule;
}

/**
 * Places a message's segments (UNH..UNT) into its structure, greedily and in order as bots does:
 * each entry takes as many matching segments as it may, groups open on their trigger segment.
 * Throws a located error for a missing mandatory entry (13), an unexpected segment (15) or one
 * repeated too often (35 segment, 36 group).
 */
export function buildTree(segments: EdifactSegment[], structure: MessageStructure): SegmentGroup {
  const root = new SegmentGroup(structure.messageType, 'UNH');
  const walk = new TreeWalk(segments);
  walk.sequence(structure.rules, root);
  if (walk.i < segments.length) walk.unexpected();
  return root;
}

/** A message with no known structure: every segment directly under the root. */
export function flatTree(segments: EdifactSegment[], messageType: string): SegmentGroup {
  const root = new SegmentGroup(messageType, 'UNH');
  pushAll(root.children, segments);
  return root;
}

class TreeWalk {
  i = 0;
  private overflow: Overflow | undefined;

  constructor(private readonly segs: EdifactSegment[]) {}

  sequence(rules: Rule[], into: SegmentGroup, from = 0): void {
    for (let r = from; r < rules.length; r++) {
      const rule = rules[r];
      const tag = leadTag(rule);
      let count = 0;
      while (this.i < this.segs.length && this.segs[this.i].tag === tag) {
        if (count === rule.max) {
          this.overflow = { at: this.i, rule };
          break;
        }
        if (rule.kind === 'segment') into.children.push(this.segs[this.i++]);
        else into.children.push(this.group(rule));
        count++;
      }
      if (count === 0 && rule.mandatory) this.missing(rule);
    }
  }

  private group(rule: GroupRule): SegmentGroup {
    const occurrence = new SegmentGroup(rule.id, rule.trigger);
    occurrence.children.push(this.segs[this.i++]);
    this.sequence(rule.children, occurrence, 1);
    return occurrence;
  }

  private missing(rule: Rule): never {
    // A segment repeated past its limit is the real fault, not what should have followed it.
    // Reaching UNT's place with another segment means that segment fits nowhere.
    if (this.overflow?.at === this.i || (rule.kind === 'segment' && rule.tag === 'UNT')) {
      this.unexpected();
    }
    const at = this.segs[Math.min(this.i, this.segs.length - 1)];
    const what =
      rule.kind === 'segment' ? `segment ${rule.tag}` : `group ${rule.id} (${rule.trigger})`;
    throw edifactError(
      `missing mandatory ${what}, found ${at.tag}`,
      at.location(),
      SyntaxErrorCode.missing,
      undefined,
      true,
    );
  }

  unexpected(): never {
    const at = this.segs[this.i];
    const over = this.overflow?.at === this.i ? this.overflow.rule : undefined;
    if (over) {
      const group = over.kind === 'group';
      throw edifactError(
        `${group ? `group ${over.id} (${over.trigger})` : `segment ${at.tag}`} repeated more than ${over.max} times`,
        at.location(),
        group ? SyntaxErrorCode.tooManyGroupRepetitions : SyntaxErrorCode.tooManyRepetitions,
        undefined,
        true,
      );
    }
    throw edifactError(
      `unexpected segment ${at.tag} in this position`,
      at.location(),
      SyntaxErrorCode.notSupportedInPosition,
      undefined,
      true,
    );
  }
}
