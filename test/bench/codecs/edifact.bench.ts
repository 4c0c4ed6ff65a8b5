import { Readable } from 'stream';
import Parser from 'edifact/parser';
import {
  buildInterchange,
  type MessageDraft,
} from '../../../mappings/codecs/edifact/interchange.builder';
import { parseEdifact } from '../../../mappings/codecs/edifact/edifact.parser';
import { decodeEdifactStream } from '../../../mappings/codecs/edifact/edifact.stream';
import type { BenchLine } from '../bench-line';
import { collect, duel } from './bench-timing';

// IFTSTA status messages with groups, releases and a long free text: a carrier's daily feed.
const status = (i: number): MessageDraft => ({
  messageRef: `M${i}`,
  messageType: 'IFTSTA',
  version: 'D.00B',
  segments: [
    { tag: 'BGM', elements: ['23', `ST${i}`, '9'] },
    { tag: 'DTM', elements: [['137', '202403150930', '203']] },
    { tag: 'CNI', elements: [String(i), `MAEU${100000000 + i}`] },
    { tag: 'STS', elements: ['1', 'VA'] },
    { tag: 'RFF', elements: [['BN', `BK${i}`]] },
    { tag: 'DTM', elements: [['178', '202403150800', '203']] },
    {
      tag: 'FTX',
      elements: ['AAI', undefined, undefined, `O'NEIL + SONS: GATE ${i} ${'X'.repeat(40)}`],
    },
    { tag: 'TDT', elements: ['20', '123E', '1', undefined, ['MAEU', '172', '20']] },
    { tag: 'LOC', elements: ['9', ['CNNGB', '139', '6']] },
    { tag: 'EQD', elements: ['CN', `MSKU${1000000 + (i % 9000000)}`, ['45G1', '102', '5']] },
  ],
});

export function interchange(targetBytes: number): Buffer {
  const one = buildInterchange(draft(1)).length;
  return buildInterchange(draft(Math.ceil(targetBytes / one)));
}

function draft(count: number): Parameters<typeof buildInterchange>[0] {
  return {
    syntaxId: 'UNOC',
    syntaxVersion: '3',
    sender: { id: 'CARRIER', qualifier: 'ZZZ' },
    recipient: { id: 'FORWARDER', qualifier: 'ZZZ' },
    preparedAt: new Date('2024-03-15T09:30:00Z'),
    controlRef: 'BENCH1',
    lineEnding: '\n',
    messages: Array.from({ length: count }, (_, i) => status(i)),
  };
}

// The bare node-edifact parser doing what its own Reader does: keep every segment with its
// elements. A consumer of a whole-buffer parse must keep them, so both sides pay for the memory.
function bareParse(text: string): Array<{ name: string; elements: string[][] }> {
  const parser = new Parser();
  const segments: Array<{ name: string; elements: string[][] }> = [];
  let elements: string[][] = [];
  let components: string[] = [];
  parser.onopensegment = (name) => segments.push({ name, elements: (elements = []) });
  parser.onelement = () => elements.push((components = []));
  parser.oncomponent = (value) => components.push(value);
  parser.write(text);
  parser.end();
  return segments;
}

interface StreamPeak {
  /** Highest RSS of the process seen, in bytes. */
  peak: number;
  /** How far it rose above the RSS at the start (0 when the heap had room already). */
  growth: number;
  messages: number;
}

/** Peak RSS while streaming a generated interchange of `mb` megabytes, sampled, and its growth. */
async function streamPeak(mb: number): Promise<StreamPeak> {
  const one = buildInterchange(draft(1)).toString('latin1');
  const body = one.slice(one.indexOf('UNH'), one.indexOf('UNZ'));
  const perMessage = Buffer.byteLength(body);
  const count = Math.ceil((mb * 1024 * 1024) / perMessage);
  const head = one.slice(0, one.indexOf('UNH'));
  // Generated lazily, so the input itself never sits in memory.
  const source = Readable.from(
    (function* () {
      yield Buffer.from(head);
      let batch = '';
      for (let i = 0; i < count; i++) {
        batch += body.replace(/\bM0\b/g, `M${i}`);
        if (batch.length > 256 * 1024) {
          yield Buffer.from(batch, 'latin1');
          batch = '';
        }
      }
      yield Buffer.from(`${batch}UNZ+${count}+BENCH1'\n`, 'latin1');
    })(),
  );
  collect();
  const base = process.memoryUsage().rss;
  let peak = base;
  let messages = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  for await (const _m of decodeEdifactStream(source)) {
    if (++messages % 2000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { peak, growth: peak - base, messages };
}

/** The lower peak of two runs: when the collector happens to run moves a single one a lot. */
async function calmerPeak(mb: number): Promise<StreamPeak> {
  const first = await streamPeak(mb);
  const second = await streamPeak(mb);
  return first.peak <= second.peak ? first : second;
}

// Rounds of the duel between our parser and the bare one (each runs once per round).
const RUNS = 5;

export async function run(): Promise<BenchLine[]> {
  // Streams first: the whole-buffer parse below leaves garbage that would skew RSS deltas.
  const mem25 = await calmerPeak(25);
  const mem100 = await calmerPeak(100);
  const bytes = interchange(20 * 1024 * 1024);
  const mb = bytes.length / 1024 / 1024;
  const text = bytes.toString('latin1');
  const { ours, bare } = duel(
    RUNS,
    () => parseEdifact(bytes),
    () => bareParse(text),
  );
  const messages = ours.count;
  const MB = 1024 * 1024;
  const seconds = (side: { cpuMs: number }): number => side.cpuMs / 1000;
  return [
    {
      name: 'edifact parse throughput',
      value: mb / seconds(ours),
      unit: 'MB/s',
      baseline: mb / seconds(bare),
      ratio: ours.cpuMs / bare.cpuMs,
      note:
        `${mb.toFixed(1)} MB IFTSTA, decode+envelope+structure; CPU time, best of ${RUNS} ` +
        `alternating runs; ratio = our time / bare node-edifact time ` +
        `(wall ${(ours.wallMs / bare.wallMs).toFixed(2)})`,
    },
    {
      name: 'edifact parse heap held',
      value: ours.heapMb,
      unit: 'MB',
      baseline: bare.heapMb,
      ratio: ours.heapMb / bare.heapMb,
      note: 'heap the parse result holds after a full GC (bare: its segments, text excluded)',
    },
    {
      name: 'edifact parse messages',
      value: messages / seconds(ours),
      unit: 'msg/s',
      baseline: messages / seconds(bare),
      note: `${messages} messages`,
    },
    {
      name: 'edifact stream peak RSS 25 MB',
      value: mem25.peak / MB,
      unit: 'MB',
      note: `${mem25.messages} messages; process RSS, +${(mem25.growth / MB).toFixed(1)} MB over the start`,
    },
    {
      name: 'edifact stream peak RSS 100 MB',
      value: mem100.peak / MB,
      unit: 'MB',
      ratio: mem100.peak / mem25.peak,
      note:
        `${mem100.messages} messages; process RSS, +${(mem100.growth / MB).toFixed(1)} MB over ` +
        `the start; ratio = 100 MB peak / 25 MB peak (flat: about 1)`,
    },
  ];
}
