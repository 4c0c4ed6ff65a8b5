import { Readable } from 'node:stream';
import {
  decodeX12Messages,
  decodeX12Stream,
  parseX12,
  serializeX12,
} from '../../../mappings/codecs/x12';
import type { BenchLine } from '../bench-line';
import { bestOf, mb, round } from './bench-timing';

/** One 940 with `lines` LX/W01 lines; returns its segments (ST..SE) with a correct SE01. */
function shippingOrder(n: number, lines: number): string[] {
  const control = String(n % 1000000000).padStart(4, '0');
  const body = [
    `W05*N*SO-${n}*PO-${n}`,
    'N1*ST*ACME RETAIL DC 4*9*0614141000012',
    'N3*1200 INDUSTRIAL PKWY',
    'N4*RENO*NV*89502*US',
    `N9*CO*ORD-${n}`,
    'G62*10*20250317',
    'W66*PP*M***UPSN',
  ];
  for (let l = 1; l <= lines; l++) {
    body.push(
      `LX*${l}`,
      `W01*${l * 3}*CA**VN*SKU-${l}`,
      `G69*ITEM ${l} OF ORDER ${n}`,
      `N9*LT*LOT${l}`,
    );
  }
  body.push(`W76*${lines * 3}*${lines * 12.5}*LB`);
  return [`ST*940*${control}`, ...body, `SE*${body.length + 2}*${control}`];
}

function interchange(targetBytes: number): { text: string; sets: number } {
  const segs: string[] = [];
  let size = 0;
  let sets = 0;
  while (size < targetBytes) {
    const order = shippingOrder(sets + 1, 1 + (sets % 10));
    sets++;
    segs.push(...order);
    size += order.reduce((s, x) => s + x.length + 2, 0);
  }
  const isa =
    'ISA*00*          *00*          *ZZ*TRADEHUB       *ZZ*WHSE3PL        *250314*0930*U*00401*000000101*0*P*>';
  const head = [isa, 'GS*OW*TRADEHUB*WHSE3PL*20250314*0930*101*X*004010'];
  const tail = [`GE*${sets}*101`, 'IEA*1*000000101'];
  return { text: [...head, ...segs, ...tail].join('~\n') + '~\n', sets };
}

/** The bare baseline: split on the segment terminator and the element separator, count ST. */
function baseline(text: string): number {
  let sets = 0;
  for (const raw of text.split('~\n')) {
    const elements = raw.split('*');
    if (elements[0] === 'ST') sets++;
  }
  return sets;
}

export async function run(): Promise<BenchLine[]> {
  const { text, sets } = interchange(20 * 1024 * 1024);
  const buffer = Buffer.from(text);
  const size = mb(buffer.length);
  const ours = bestOf(3, () => decodeX12Messages(buffer).length);
  const bare = bestOf(3, () => baseline(buffer.toString('utf8')));
  const parsed = parseX12(text);
  const write = bestOf(3, () => serializeX12(parsed).length);
  const chunks: Buffer[] = [];
  for (let at = 0; at < buffer.length; at += 64 * 1024)
    chunks.push(buffer.subarray(at, at + 64 * 1024));
  const start = performance.now();
  let streamed = 0;
  for await (const _m of decodeX12Stream(Readable.from(chunks))) streamed++;
  const streamMs = performance.now() - start;
  const note = `${round(size, 1)} MB, ${sets} 940 sets in one interchange, best of 3`;
  const ratio = round(ours.ms / bare.ms);
  return [
    {
      name: 'x12 decode',
      value: round(size / (ours.ms / 1000)),
      unit: 'MB/s',
      baseline: round(size / (bare.ms / 1000)),
      ratio,
      note,
    },
    {
      name: 'x12 decode',
      value: Math.round(ours.count / (ours.ms / 1000)),
      unit: 'transaction sets/s',
      baseline: Math.round(bare.count / (bare.ms / 1000)),
      ratio,
      note: 'ratio = our time / baseline time',
    },
    {
      name: 'x12 stream decode',
      value: round(size / (streamMs / 1000)),
      unit: 'MB/s',
      note: `${streamed} sets, 64 KiB chunks, one run`,
    },
    {
      name: 'x12 serialize',
      value: round(size / (write.ms / 1000)),
      unit: 'MB/s',
      note: 'trees back to text, no baseline',
    },
  ];
}
