import type { DecodedMessage } from '../../../core/translation/contract';
import { edifactError, SyntaxErrorCode } from './edifact.errors';
import { byteLengthFn, decodeBytes, encodingFor, streamDecoder } from './charset.syntax';
import { toDecodedMessage } from './edifact.codec';
import { InterchangeAssembler, type ParseOptions } from './interchange.assembler';
import type { EdifactMessage } from './message.model';
import { SegmentScanner } from './segment.scanner';
import { sniffSyntaxId } from './syntax.sniffer';

// Bytes held back until the first UNB's syntax identifier tells how to decode.
const SNIFF_LIMIT = 4096;

/**
 * Decodes an interchange stream message by message: only the unfinished segment and the open
 * message are held in memory, so input size does not matter. Envelope checks run as their
 * segments arrive (UNZ count at the end). A stream is decoded with the character set of its
 * first interchange; a later interchange naming another one is rejected.
 */
export async function* decodeEdifactStream(
  readable: NodeJS.ReadableStream,
  options: ParseOptions = {},
): AsyncIterable<DecodedMessage<EdifactMessage>> {
  let head: Buffer[] = [];
  let headBytes = 0;
  let run: StreamRun | undefined;
  let index = 0;
  for await (const chunk of readable) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (!run) {
      head.push(bytes);
      headBytes += bytes.length;
      const joined = Buffer.concat(head);
      if (sniffSyntaxId(joined).syntaxId === '' && headBytes < SNIFF_LIMIT) continue;
      run = new StreamRun(joined, options);
      head = [];
      for (const m of run.write(joined.subarray(run.start), false))
        yield toDecodedMessage(m, index++);
      continue;
    }
    for (const m of run.write(bytes, false)) yield toDecodedMessage(m, index++);
  }
  const rest = Buffer.concat(head);
  run ??= new StreamRun(rest, options);
  for (const m of run.write(head.length ? rest.subarray(run.start) : Buffer.alloc(0), true)) {
    yield toDecodedMessage(m, index++);
  }
}

class StreamRun {
  private readonly decoder: { write(b: Buffer): string; end(): string };
  private readonly scanner: SegmentScanner;
  private readonly assembler: InterchangeAssembler;
  private readonly encoding: string;
  /** Where the interchange starts in the first chunk (after a BOM and blank lines). */
  readonly start: number;

  constructor(first: Buffer, options: ParseOptions) {
    const { syntaxId, start } = sniffSyntaxId(first);
    this.start = start;
    // Decide the encoding from what we have (unknown identifiers: UTF-8 unless invalid).
    this.encoding = decodeBytes(first.subarray(start, start + SNIFF_LIMIT), syntaxId).charset;
    this.decoder = streamDecoder(this.encoding === 'latin1' ? 'iso-8859-1' : this.encoding);
    this.scanner = new SegmentScanner(byteLengthFn(this.encoding), { offset: start, line: 1 });
    this.assembler = new InterchangeAssembler(this.scanner, () => this.encoding, options);
  }

  /** Decodes a chunk and returns the messages it completed. */
  *write(bytes: Buffer, final: boolean): Generator<EdifactMessage> {
    this.scanner.push(this.decoder.write(bytes) + (final ? this.decoder.end() : ''));
    for (let seg = this.scanner.next(final); seg; seg = this.scanner.next(final)) {
      if (seg.tag === 'UNB') this.checkEncoding(seg.get(0) ?? '', seg.location());
      const message = this.assembler.accept(seg);
      if (message) yield message;
    }
    if (final) this.assembler.finish();
  }

  private checkEncoding(
    syntaxId: string,
    location: { segmentIndex: number; segmentTag: string },
  ): void {
    const wanted = encodingFor(syntaxId);
    const same = (e: string): string => (e === 'iso-8859-1' ? 'latin1' : e);
    if (wanted && same(wanted) !== same(this.encoding)) {
      throw edifactError(
        `interchange switches to ${syntaxId} (${wanted}) inside a stream decoded as ${this.encoding}`,
        location,
        SyntaxErrorCode.syntaxLevelNotSupported,
      );
    }
  }
}
