import { decodeMtMessages, serializeMt, parseMt } from '../../../mappings/codecs/swift-mt';
import type { BenchLine } from '../bench-line';
import { bestOf, mb, round } from './bench-timing';

const EOL = '\r\n';

/** One FIN MT940 with `entries` booked lines, varied by `n`. */
function statement(n: number, entries: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  const lines = [
    `:20:STMT${String(n).padStart(10, '0')}`,
    ':25:CN12TRDH0000123456789 USD',
    `:28C:${n % 99999}/1`,
    `:60F:C2503${day}USD${1000 + n},00`,
  ];
  for (let e = 0; e < entries; e++) {
    lines.push(
      `:61:2503${day}03${day}${e % 2 ? 'D' : 'C'}${100 + e},${String(e % 100).padStart(2, '0')}NTRFINV${n}-${e}//ICBC${n}${e}`,
      `:86:/EREF/INV-${n}-${e}/REMI/PAYMENT FOR B/L COSU${n}: CONTAINER TCNU${e}`,
      `ORDERING PARTY ACME RETAIL INC: SEATTLE US ?20 REF ${e}`,
    );
  }
  lines.push(`:62F:C2503${day}USD${2000 + n},50`);
  const head = `{1:F01ICBKCNBJAXXX${String(n % 10000).padStart(4, '0')}${String(n).padStart(6, '0')}}{2:I940TRDHCNSHXXXXN}`;
  return `${head}{4:${EOL}${lines.join(EOL)}${EOL}-}{5:{CHK:0123456789AB}}${EOL}`;
}

/** The bare baseline: split into blocks and :tag: fields with regexes, no validation. */
function baseline(text: string): number {
  let fields = 0;
  const messages = text.split('{1:').slice(1);
  for (const m of messages) {
    const block4 = /\{4:\r?\n([\s\S]*?)\r?\n-\}/.exec(m);
    if (!block4) continue;
    fields += block4[1].split(/\r?\n(?=:\d{2}[A-Z]?:)/).length;
  }
  return messages.length + fields * 0;
}

export async function run(): Promise<BenchLine[]> {
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < 20 * 1024 * 1024; n++) {
    const s = statement(n, 1 + (n % 12));
    parts.push(s);
    size += s.length;
  }
  const text = parts.join('');
  const buffer = Buffer.from(text);
  const size_mb = mb(buffer.length);
  const ours = bestOf(3, () => decodeMtMessages(buffer).length);
  const bare = bestOf(3, () => baseline(buffer.toString('utf8')));
  const trees = parseMt(text);
  const write = bestOf(3, () => serializeMt(trees).length);
  const note = `${round(size_mb, 1)} MB, ${ours.count} MT940 (FIN, CRLF), best of 3; baseline ${bare.count} messages`;
  return [
    {
      name: 'swift-mt decode',
      value: round(size_mb / (ours.ms / 1000)),
      unit: 'MB/s',
      baseline: round(size_mb / (bare.ms / 1000)),
      ratio: round(ours.ms / bare.ms),
      note,
    },
    {
      name: 'swift-mt decode',
      value: Math.round(ours.count / (ours.ms / 1000)),
      unit: 'messages/s',
      baseline: Math.round(bare.count / (bare.ms / 1000)),
      ratio: round(ours.ms / bare.ms),
      note: 'ratio = our time / baseline time',
    },
    {
      name: 'swift-mt serialize',
      value: round(size_mb / (write.ms / 1000)),
      unit: 'MB/s',
      note: 'trees back to text, no baseline',
    },
  ];
}
