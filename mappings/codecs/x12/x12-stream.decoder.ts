import { StringDecoder } from 'node:string_decoder';
import type { DecodedMessage } from '../../../core/translation/contract';
import { ISA_LENGTH, readDelimiters, skipLeading } from './x12-delimiters';
import { X12EnvelopeReader, type X12ReadOptions } from './x12-envelope.reader';
import { fatal, rejection } from './x12-issue';
import { toDecodedMessage } from './x12-message';
import { fixedIsa, skipLineBreaks, splitSegment } from './x12-segment.scanner';
import type { X12Delimiters, X12Interchange, X12Issue, X12Message, X12Segment } from './x12.types';

export interface X12StreamOptions extends X12ReadOptions {
  /** Longest segment accepted before giving up (bounds memory); default 1 MiB. */
  maxSegmentLength?: number;
}

/**
 * Streams transaction sets out of a byte stream, holding only the set being read. Sets are
 * yielded when their SE arrives and checked; errors in a group or interchange trailer (GE,
 * IEA) are thrown when that trailer arrives, after the sets before it were yielded.
 */
export async function* decodeX12Stream(
  readable: AsyncIterable<Buffer | string>,
  options: X12StreamOptions = {},
): AsyncGenerator<DecodedMessage<X12Message>> {
  const state = new StreamState(options);
  const decoder = new StringDecoder('utf8');
  for await (const chunk of readable) {
    state.append(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    state.drain(false);
    yield* state.take();
  }
  state.append(decoder.end());
  state.drain(true);
  yield* state.take();
}

class StreamState {
  private buffer = '';
  private base = 0;
  private pos = 0;
  private delimiters: X12Delimiters | null = null;
  private ordinal = 0;
  private line = 1;
  private counted = 0;
  private readonly lines = new Map<number, number>();
  private readonly ready: Array<DecodedMessage<X12Message>> = [];
  private readonly reader: X12EnvelopeReader;
  private readonly max: number;
  private count = 0;

  constructor(options: X12StreamOptions) {
    this.max = options.maxSegmentLength ?? 1 << 20;
    this.reader = new X12EnvelopeReader(
      (set, group, ic) => {
        this.fail(set.issues);
        this.ready.push(toDecodedMessage(set, group, ic, this.count++));
        this.lines.clear();
      },
      (ic) => this.interchangeDone(ic),
      { ...options, retainSets: false },
    );
  }

  append(text: string): void {
    if (this.pos > 0) {
      this.lineOf(this.pos);
      this.buffer = this.buffer.slice(this.pos);
      this.base += this.pos;
      this.counted -= this.pos;
      this.pos = 0;
    }
    this.buffer += text;
  }

  take(): Array<DecodedMessage<X12Message>> {
    return this.ready.splice(0, this.ready.length);
  }

  drain(ended: boolean): void {
    for (;;) {
      if (!this.delimiters && !this.startInterchange(ended)) break;
      const d = this.delimiters as X12Delimiters;
      const start = skipLineBreaks(this.buffer, this.pos);
      if (this.ordinal === 0 && this.buffer.length - start >= ISA_LENGTH) {
        this.pos = start + ISA_LENGTH;
        this.accept(fixedIsa(this.buffer, start, ++this.ordinal), start, d);
        continue;
      }
      let end = this.buffer.indexOf(d.segment, start);
      if (end === -1) {
        if (!ended) return this.guardLength(start);
        if (start >= this.buffer.length) break;
        end = this.buffer.length;
      }
      const raw = this.buffer.slice(start, end);
      this.pos = end + 1;
      this.accept(splitSegment(raw, d, ++this.ordinal, this.base + start), start, d);
    }
    if (ended) this.reader.finish();
  }

  private accept(seg: X12Segment, start: number, d: X12Delimiters): void {
    seg.offset = this.base + start;
    this.lines.set(seg.offset, this.lineOf(start));
    this.reader.accept(seg, d);
    if (!this.reader.inInterchange) this.delimiters = null;
  }

  private startInterchange(ended: boolean): boolean {
    const at = skipLeading(this.buffer, this.pos);
    if (at >= this.buffer.length) return false;
    if (this.buffer.length - at < ISA_LENGTH + 2 && !ended) return false;
    this.pos = at;
    this.ordinal = 0;
    this.delimiters = readDelimiters(this.buffer, at);
    return true;
  }

  private guardLength(start: number): void {
    if (this.buffer.length - start > this.max) {
      throw fatal('SEGMENT_TOO_LONG', `no segment terminator within ${this.max} characters`, {
        offset: this.base + start,
        line: this.lineOf(start),
      });
    }
  }

  private lineOf(at: number): number {
    let nl = this.buffer.indexOf('\n', this.counted);
    while (nl !== -1 && nl < at) {
      this.line++;
      nl = this.buffer.indexOf('\n', nl + 1);
    }
    this.counted = Math.max(this.counted, at);
    return this.line;
  }

  private interchangeDone(ic: X12Interchange): void {
    this.fail(ic.issues);
    for (const group of ic.groups) this.fail(group.issues);
  }

  private fail(issues: X12Issue[]): void {
    const first = issues.find((i) => i.severity === 'error');
    if (!first) return;
    const err = rejection(first);
    const line = this.lines.get(first.location.offset ?? -1);
    if (err.location && line !== undefined) err.location.line = line;
    throw err;
  }
}
