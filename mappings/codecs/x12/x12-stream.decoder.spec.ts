import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { tradeErrorOfAsync } from '../../../core/errors/trade-error.testing';
import type { DecodedMessage } from '../../../core/translation/contract';
import { decodeX12Messages, decodeX12Stream, type X12Message } from './index';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const twoInterchanges =
  fixture('warehouse-multi-group.edi') + fixture('inventory-alt-separators.edi');

async function collect(chunks: Array<Buffer | string>, maxSegmentLength?: number) {
  const out: Array<DecodedMessage<X12Message>> = [];
  for await (const m of decodeX12Stream(Readable.from(chunks), { maxSegmentLength })) out.push(m);
  return out;
}

const rejection = (chunks: string[], maxSegmentLength?: number) =>
  tradeErrorOfAsync(() => collect(chunks, maxSegmentLength));

function split(text: string, cuts: number[]): Buffer[] {
  const bytes = Buffer.from(text);
  const at = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const cut of [...at, bytes.length]) {
    parts.push(bytes.subarray(from, cut));
    from = cut;
  }
  return parts;
}

describe('decodeX12Stream', () => {
  it('yields the same messages as decoding the whole input, however it is chunked', async () => {
    const whole = JSON.stringify(decodeX12Messages(twoInterchanges));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 40 }), async (cuts) => {
        const streamed = await collect(split(twoInterchanges, cuts));
        expect(JSON.stringify(streamed)).toBe(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps multi-byte characters split across chunks', async () => {
    const text = fixture('warehouse-multi-group.edi').replace('BAMBOO TRAY', 'BAMBOO TRAY 竹');
    const bytes = Buffer.from(text);
    const cut = bytes.indexOf(Buffer.from('竹')) + 1;
    const [first] = (await collect([bytes.subarray(0, cut), bytes.subarray(cut)])).slice(0, 1);
    expect(JSON.stringify(first.tree.set.body)).toContain('BAMBOO TRAY 竹');
  });

  it('rejects a wrong SE01 with segment, offset and line while streaming', async () => {
    const text = fixture('warehouse-multi-group.edi').replace('SE*19*0001', 'SE*18*0001');
    const err = await rejection(split(text, [5, 300, 520]).map(String));
    expect(err).toMatchObject({ kind: 'rejected', stage: 'parse', code: 'SE01_COUNT' });
    expect(err.location).toEqual({ segmentIndex: 21, segmentTag: 'SE', offset: 541, line: 21 });
  });

  it('rejects a stream that ends without IEA after yielding the sets before it', async () => {
    const text = fixture('warehouse-multi-group.edi').replace('IEA*2*000000101~\n', '');
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const m of decodeX12Stream(Readable.from([text]))) seen.push(m.messageRef!);
      })(),
    ).rejects.toMatchObject({ code: 'IEA_MISSING' });
    expect(seen).toEqual(['0001', '0002', '0001']);
  });

  it('bounds memory: a segment without terminator longer than the limit is refused', async () => {
    const isa = fixture('warehouse-multi-group.edi').split('\n')[0];
    const err = await rejection([`${isa}\nGS*OW*${'X'.repeat(5000)}`], 1000);
    expect(err).toMatchObject({ code: 'SEGMENT_TOO_LONG', location: { line: 2 } });
  });
});
