import { TradeError } from '../../../core/errors/trade-error';
import { edifactError, SyntaxErrorCode } from './edifact.errors';
import { check, readUnb, readUng, readUnh } from './envelope.reader';
import type { EdifactMessage, FunctionalGroupHeader, InterchangeHeader } from './message.model';
import type { SegmentGroup } from './segment-group.model';
import type { SegmentScanner } from './segment.scanner';
import type { EdifactSegment } from './segment.model';
import { structureFor } from './structures/structure.registry';
import { buildTree, flatTree } from './tree.builder';

export interface ParseOptions {
  /** 'strict' (default) rejects wrong control counts and references; 'lenient' records warnings. */
  checks?: 'strict' | 'lenient';
  /** Place messages into their structure and validate it (default true). */
  structure?: boolean;
  /** Zone for UNB date/time, which carries none (default 'Z'). */
  timeZone?: string;
}

type State = 'outside' | 'interchange' | 'group' | 'message';

/**
 * The envelope state machine: takes segments in order and hands back each message when its UNT
 * arrives, checking UNT/UNE/UNZ counts and references on the way. Holds one message at a time.
 */
export class InterchangeAssembler {
  private state: State = 'outside';
  private interchange: InterchangeHeader | undefined;
  private group: FunctionalGroupHeader | undefined;
  private segments: EdifactSegment[] = [];
  private counts = { messages: 0, groups: 0, groupMessages: 0 };
  private emitted = 0;
  private lastIndex = 0;

  constructor(
    private readonly scanner: SegmentScanner,
    private readonly charset: () => string,
    private readonly options: ParseOptions = {},
  ) {}

  /** Feeds one segment; returns the message it completed, if any. */
  accept(seg: EdifactSegment): EdifactMessage | null {
    this.lastIndex = seg.index;
    if (this.state === 'message') return this.inMessage(seg);
    switch (seg.tag) {
      case 'UNB':
        this.expect(this.state === 'outside', seg, 'UNB before the previous UNZ');
        this.openInterchange(seg);
        return null;
      case 'UNG':
        this.expect(this.state === 'interchange', seg, 'UNG outside an interchange');
        this.expect(
          this.counts.messages === this.counts.groupMessages,
          seg,
          'UNG after ungrouped messages',
          SyntaxErrorCode.groupsAndMessagesMixed,
        );
        this.group = readUng(seg);
        this.counts.groups++;
        this.counts.groupMessages = 0;
        this.state = 'group';
        return null;
      case 'UNH':
        this.expect(
          this.state !== 'interchange' || this.counts.groups === 0,
          seg,
          'message after a group',
          SyntaxErrorCode.groupsAndMessagesMixed,
        );
        this.segments = [seg];
        this.state = 'message';
        return null;
      case 'UNE':
        this.expect(this.state === 'group', seg, 'UNE without UNG');
        this.closeGroup(seg);
        return null;
      case 'UNZ':
        this.expect(
          this.state === 'interchange',
          seg,
          this.state === 'group' ? 'UNZ before UNE' : 'UNZ without UNB',
        );
        this.closeInterchange(seg);
        return null;
      default:
        throw edifactError(
          `segment ${seg.tag} outside a message (no UNH before it)`,
          seg.location(),
          SyntaxErrorCode.invalidOccurrenceOutsideMessage,
        );
    }
  }

  /**
   * End of input: anything still open means the file was cut short. Lenient checks take a
   * missing UNZ after complete messages (every UNT arrived, no group open) with a warning on
   * the interchange: no message content is lost, only the trailer's count. A missing UNT or
   * UNE stays an error: a message or group may be cut.
   */
  finish(): void {
    if (this.state === 'outside') return;
    const expected = this.state === 'message' ? 'UNT' : this.state === 'group' ? 'UNE' : 'UNZ';
    const opened = this.interchange ? ` (interchange ${this.interchange.controlRef})` : '';
    const where = {
      segmentIndex: this.lastIndex + 1,
      segmentTag: expected,
      line: this.scanner.currentLine,
      offset: this.scanner.offset,
    };
    if (expected === 'UNZ' && this.options.checks === 'lenient' && this.interchange) {
      this.interchange.warnings.push(
        `input ends without UNZ${opened} after ${this.counts.messages} complete message(s): trailer missing (segment ${where.segmentIndex})`,
      );
      this.interchange = undefined;
      this.state = 'outside';
      return;
    }
    throw edifactError(
      `input ends without ${expected}${opened}: truncated interchange`,
      where,
      SyntaxErrorCode.missing,
    );
  }

  private inMessage(seg: EdifactSegment): EdifactMessage | null {
    if (seg.tag === 'UNH' || seg.tag === 'UNZ' || seg.tag === 'UNE' || seg.tag === 'UNB') {
      throw edifactError(
        `${seg.tag} before UNT of message ${this.segments[0].get(0) ?? ''}`,
        seg.location(),
        SyntaxErrorCode.missing,
      );
    }
    this.segments.push(seg);
    if (seg.tag !== 'UNT') return null;
    const message = this.closeMessage(seg);
    this.state = this.group ? 'group' : this.interchange ? 'interchange' : 'outside';
    return message;
  }

  private openInterchange(unb: EdifactSegment): void {
    const syntaxVersion = unb.get(0, 1) ?? '';
    this.scanner.setSyntaxVersion(syntaxVersion);
    const { separators, hadUna } = this.scanner;
    const timeZone = this.options.timeZone ?? 'Z';
    this.interchange = readUnb(unb, { charset: this.charset(), separators, una: hadUna, timeZone });
    this.counts = { messages: 0, groups: 0, groupMessages: 0 };
    this.state = 'interchange';
  }

  private closeMessage(unt: EdifactSegment): EdifactMessage {
    const unh = this.segments[0];
    const head = readUnh(unh);
    const warnings: string[] = [];
    const lenient = this.options.checks === 'lenient' ? warnings : null;
    checkTrailer(
      unt,
      this.segments.length,
      'segments in the message',
      head.messageRef,
      'UNH',
      lenient,
    );
    this.counts.messages++;
    this.counts.groupMessages++;
    const segments = this.segments;
    this.segments = [];
    this.emitted++;
    const tree = this.placeInStructure(segments, head.messageType, warnings);
    // Spelled out rather than spread: one object shape for every message, built without copying.
    return {
      messageType: head.messageType,
      version: head.version,
      agency: head.agency,
      associationCode: head.associationCode,
      messageRef: head.messageRef,
      segments,
      tree: tree ?? flatTree(segments, head.messageType),
      structured: tree !== undefined,
      interchange: this.interchange,
      group: this.group,
      warnings,
    };
  }

  /** The structured tree, or undefined (no structure known, or lenient and it did not fit). */
  private placeInStructure(
    segments: EdifactSegment[],
    messageType: string,
    warnings: string[],
  ): SegmentGroup | undefined {
    const structure = this.options.structure === false ? undefined : structureFor(messageType);
    if (!structure) return undefined;
    try {
      return buildTree(segments, structure);
    } catch (err) {
      if (this.options.checks !== 'lenient' || !(err instanceof TradeError)) throw err;
      warnings.push(`structure: ${err.message}`);
      return undefined;
    }
  }

  private closeGroup(une: EdifactSegment): void {
    const group = this.group!;
    const lenient = this.options.checks === 'lenient' ? (this.interchange?.warnings ?? []) : null;
    checkTrailer(
      une,
      this.counts.groupMessages,
      'messages in the group',
      group.controlRef,
      'UNG',
      lenient,
    );
    this.group = undefined;
    this.state = 'interchange';
  }

  private closeInterchange(unz: EdifactSegment): void {
    const header = this.interchange!;
    const lenient = this.options.checks === 'lenient' ? header.warnings : null;
    const [count, what] =
      this.counts.groups > 0 ? [this.counts.groups, 'groups'] : [this.counts.messages, 'messages'];
    checkTrailer(unz, count, `${what} in the interchange`, header.controlRef, 'UNB', lenient);
    this.interchange = undefined;
    this.state = 'outside';
  }

  private expect(
    ok: boolean,
    seg: EdifactSegment,
    message: string,
    code: SyntaxErrorCode = SyntaxErrorCode.invalidOccurrenceOutsideMessage,
  ): void {
    if (!ok) throw edifactError(message, seg.location(), code);
  }

  /** Messages handed out so far. */
  get messageCount(): number {
    return this.emitted;
  }
}

/** UNT/UNE/UNZ: element 1 is the control count, element 2 repeats the opening reference. */
function checkTrailer(
  trailer: EdifactSegment,
  actual: number,
  counted: string,
  reference: string,
  opener: string,
  warnings: string[] | null,
): void {
  const count = trailer.get(0);
  const ref = trailer.get(1);
  // The usual case: no message text built (once per message, it showed in profiles).
  if (sameCount(count, actual) && ref === reference) return;
  const { tag } = trailer;
  const where = trailer.location();
  check(
    sameCount(count, actual),
    `${tag} count ${count ?? '(none)'} but there are ${actual} ${counted}`,
    where,
    SyntaxErrorCode.controlCountMismatch,
    warnings,
    1,
  );
  check(
    ref === reference,
    `${tag} reference ${ref ?? '(none)'} does not match ${opener} reference ${reference}`,
    where,
    SyntaxErrorCode.referencesDoNotMatch,
    warnings,
    2,
  );
}

// Counts are numeric (n..6 / n..10): '010' and '10' are the same count.
function sameCount(value: string | undefined, actual: number): boolean {
  return value !== undefined && /^\d+$/.test(value) && Number(value) === actual;
}
