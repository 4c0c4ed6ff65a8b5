import { matchStructure } from './structure/x12-structure.matcher';
import { checkElements } from './structure/x12-element.checker';
import { structureFor } from './structure';
import { checkGe, checkIea, checkIsa, checkSe, type TrailerSeverity } from './x12-envelope.checks';
import { fatal, issue, segmentLocation } from './x12-issue';
import type {
  X12Delimiters,
  X12Group,
  X12Interchange,
  X12Issue,
  X12Node,
  X12Segment,
  X12TransactionSet,
} from './x12.types';
import { pushAll } from '../../../core/collections';

export interface X12ReadOptions {
  /**
   * How mismatched control numbers (SE02/ST02, GE02/GS06, IEA02/ISA13) count: 'error'
   * (default, as the standard says) or 'warning' for partners known to send them wrong.
   */
  controlNumbers?: 'error' | 'warning';
  /**
   * How wrong counts (SE01 segments, GE01 sets, IEA01 groups) count: 'error' (default) or
   * 'warning' for partners whose envelope counts are known to be wrong (lenient checks, as
   * EDIFACT UNT/UNZ counts). The segments themselves are read either way.
   */
  counts?: 'error' | 'warning';
  /**
   * An interchange wrapped at a fixed width (line breaks inside segments, ISA split across
   * lines): 'refuse' (default) or 'unwrap' - line breaks are removed and a warning says so.
   */
  lineWrap?: 'refuse' | 'unwrap';
  /** Keep completed sets in their group (default true); streaming turns it off. */
  retainSets?: boolean;
}

export type SetListener = (set: X12TransactionSet, group: X12Group, ic: X12Interchange) => void;

interface OpenSet {
  st: X12Segment;
  segs: X12Segment[];
}

/**
 * The envelope state machine ISA > GS > ST ... SE > GE > IEA, fed one segment at a time, so
 * the same code serves whole files and streams. Problems become issues on the interchange,
 * group or set they belong to; completed sets go to `onSet` as soon as their SE arrives.
 */
export class X12EnvelopeReader {
  private ic: X12Interchange | null = null;
  private group: X12Group | null = null;
  private groupSets = 0;
  private open: OpenSet | null = null;
  private last: X12Segment | null = null;
  private readonly mismatch: TrailerSeverity;

  constructor(
    private readonly onSet: SetListener,
    private readonly onInterchange: (ic: X12Interchange) => void,
    private readonly options: X12ReadOptions = {},
  ) {
    this.mismatch = {
      control: options.controlNumbers === 'warning' ? 'warning' : 'error',
      count: options.counts === 'warning' ? 'warning' : 'error',
    };
  }

  /** True between ISA and IEA. */
  get inInterchange(): boolean {
    return this.ic !== null;
  }

  accept(seg: X12Segment, delimiters: X12Delimiters): void {
    this.last = seg;
    if (this.open) {
      if (seg.tag === 'SE') return this.closeSet(seg);
      if (seg.tag !== 'ST' && seg.tag !== 'GE' && seg.tag !== 'GS' && seg.tag !== 'IEA') {
        this.open.segs.push(seg);
        return;
      }
      this.closeSet(null, seg);
    }
    if (!this.ic) return this.openInterchange(seg, delimiters);
    if (this.group) return this.inGroup(seg);
    if (seg.tag === 'GS') return this.openGroup(seg);
    if (seg.tag === 'IEA') return this.closeInterchange(seg);
    // TA1s answer interchanges and come right after the ISA, before any group.
    if (seg.tag === 'TA1' && this.ic.groups.length === 0) {
      (this.ic.ta1s ??= []).push(seg);
      return;
    }
    this.ic.issues.push(unexpected(seg, 'GS, TA1 or IEA', { ta1: '024' }));
  }

  /** End of input: whatever is still open was never closed. */
  finish(): void {
    if (!this.ic || !this.last) return;
    if (this.open) this.closeSet(null, this.last);
    if (this.group) this.closeGroup(null, this.last);
    this.ic.issues.push(
      issue('interchange', 'IEA_MISSING', 'interchange ends without IEA', this.last, {
        ta1: '023',
      }),
    );
    this.closeInterchange(null);
  }

  private openInterchange(seg: X12Segment, d: X12Delimiters): void {
    // The scanners read ISA by its fixed widths; a shorter one is no interchange header.
    if (seg.tag !== 'ISA' || seg.elements.length < 16) {
      throw fatal('ISA_ELEMENTS', 'interchange does not open with a complete ISA', {
        ...segmentLocation(seg),
      });
    }
    const e = seg.elements;
    this.ic = {
      isa: seg,
      delimiters: d,
      sender: { qualifier: e[4], id: e[5].trimEnd() },
      receiver: { qualifier: e[6], id: e[7].trimEnd() },
      date: e[8],
      time: e[9],
      version: e[11],
      controlNumber: e[12],
      ackRequested: e[13] === '1',
      usage: e[14],
      iea: null,
      groups: [],
      issues: checkIsa(seg),
    };
  }

  private inGroup(seg: X12Segment): void {
    const group = this.group as X12Group;
    if (seg.tag === 'ST') {
      this.open = { st: seg, segs: [] };
      return;
    }
    if (seg.tag === 'GE') return this.closeGroup(seg, seg);
    if (seg.tag === 'GS' || seg.tag === 'IEA') {
      this.closeGroup(null, seg);
      return this.accept(seg, (this.ic as X12Interchange).delimiters);
    }
    group.issues.push(unexpected(seg, 'ST or GE', { ak9: '3' }));
  }

  private openGroup(gs: X12Segment): void {
    const e = gs.elements;
    this.group = {
      gs,
      functionalId: e[0] ?? '',
      senderCode: e[1] ?? '',
      receiverCode: e[2] ?? '',
      date: e[3] ?? '',
      time: e[4] ?? '',
      controlNumber: e[5] ?? '',
      version: e[7] ?? '',
      ge: null,
      sets: [],
      issues: [],
    };
    this.groupSets = 0;
    if (!/^\d{1,9}$/.test(this.group.controlNumber)) {
      this.group.issues.push(
        issue('group', 'GS06_CONTROL', 'GS06 is not a control number of 1 to 9 digits', gs, {
          ak9: '6',
        }),
      );
    }
  }

  private closeSet(se: X12Segment | null, at?: X12Segment): void {
    const { st, segs } = this.open as OpenSet;
    this.open = null;
    const group = this.group as X12Group;
    const set = buildSet(st, segs, se, at ?? (se as X12Segment), this.mismatch);
    this.groupSets++;
    if (this.options.retainSets !== false) group.sets.push(set);
    this.onSet(set, group, this.ic as X12Interchange);
  }

  private closeGroup(ge: X12Segment | null, at: X12Segment): void {
    const group = this.group as X12Group;
    group.ge = ge;
    if (ge) pushAll(group.issues, checkGe(this.groupSets, group.controlNumber, ge, this.mismatch));
    else group.issues.push(issue('group', 'GE_MISSING', 'group ends without GE', at, { ak9: '3' }));
    (this.ic as X12Interchange).groups.push(group);
    this.group = null;
  }

  private closeInterchange(iea: X12Segment | null): void {
    const ic = this.ic as X12Interchange;
    ic.iea = iea;
    if (iea) pushAll(ic.issues, checkIea(ic, iea, this.mismatch));
    this.ic = null;
    this.onInterchange(ic);
  }
}

function unexpected(seg: X12Segment, wanted: string, ack: X12Issue['ack']): X12Issue {
  return issue('segment', 'ENVELOPE_SEQUENCE', `expected ${wanted}, found ${seg.tag}`, seg, ack);
}

function buildSet(
  st: X12Segment,
  segs: X12Segment[],
  se: X12Segment | null,
  end: X12Segment,
  mismatch: TrailerSeverity,
): X12TransactionSet {
  const id = st.elements[0] ?? '';
  const controlNumber = st.elements[1] ?? '';
  const structure = structureFor(id);
  const issues: X12Issue[] = [];
  let body: X12Node[] = segs;
  if (structure) {
    const matched = matchStructure(structure, segs, se ?? end);
    body = matched.body;
    pushAll(issues, matched.issues);
  }
  pushAll(issues, checkElements(st, 1));
  segs.forEach((seg, k) => pushAll(issues, checkElements(seg, k + 2)));
  if (se) {
    pushAll(issues, checkElements(se, segs.length + 2));
    pushAll(issues, checkSe(segs.length + 2, controlNumber, se, mismatch));
  } else {
    issues.push(
      issue('set', 'SE_MISSING', `transaction set ${controlNumber} ends without SE`, end, {
        ak5: '2',
      }),
    );
  }
  const structureId = structure ? `${structure.id}/${structure.version}` : null;
  return { id, controlNumber, st, se, body, structure: structureId, issues };
}
