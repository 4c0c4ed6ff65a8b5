import { Readable } from 'stream';
import { TradeError } from '../../../core/errors/trade-error';
import { edifactCodec } from './edifact.codec';
import { decodeEdifactStream } from './edifact.stream';
import { buildInterchange, type MessageDraft } from './interchange.builder';

const status = (i: number): MessageDraft => ({
  messageRef: `M${i}`,
  messageType: 'IFTSTA',
  version: 'D.00B',
  segments: [
    { tag: 'BGM', elements: ['23', `ST${i}`, '9'] },
    { tag: 'CNI', elements: [String(i), `BL${i}`] },
    { tag: 'STS', elements: ['1', 'VA'] },
    {
      tag: 'FTX',
      elements: ['AAI', undefined, undefined, `宁波 ${i} O'NEIL + SONS: ${'x'.repeat(60)}`],
    },
  ],
});

function interchange(count: number, controlRef = 'S1'): Buffer {
  const messages = Array.from({ length: count }, (_, i) => status(i));
  return buildInterchange({
    syntaxId: 'UNOY',
    syntaxVersion: '4',
    sender: { id: 'CARRIER' },
    recipient: { id: 'FORWARDER' },
    preparedAt: new Date('2024-03-15T09:30:00Z'),
    controlRef,
    lineEnding: '\r\n',
    messages,
  });
}

/** Yields the bytes in chunks of `size`, splitting multi-byte characters and segments. */
function chunked(bytes: Buffer, size: number): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    })(),
  );
}

async function collect(readable: Readable): Promise<string[]> {
  const refs: string[] = [];
  for await (const m of decodeEdifactStream(readable)) refs.push(m.messageRef ?? '');
  return refs;
}

describe('decodeEdifactStream', () => {
  it('decodes a multi-megabyte interchange message by message', async () => {
    const bytes = interchange(25_000);
    expect(bytes.length).toBeGreaterThan(4_000_000);
    const refs = await collect(chunked(bytes, 65_536));
    expect(refs.length).toBe(25_000);
    expect(refs[24_999]).toBe('M24999');
  });

  it('gives the same messages as the whole-buffer decoder, whatever the chunk size', async () => {
    const bytes = interchange(20);
    const whole = edifactCodec.decode(bytes, edifactCodec.detect(bytes)!);
    for (const size of [1, 7, 64]) {
      const streamed = [];
      for await (const m of decodeEdifactStream(chunked(bytes, size))) streamed.push(m);
      expect(JSON.stringify(streamed)).toBe(JSON.stringify(whole));
    }
  });

  it('rejects a truncated stream with the location of the missing UNZ', async () => {
    const bytes = interchange(3);
    const cut = bytes.subarray(0, bytes.lastIndexOf('UNZ'));
    const seen: string[] = [];
    const run = async (): Promise<void> => {
      for await (const m of decodeEdifactStream(chunked(cut, 100))) seen.push(m.messageRef!);
    };
    await expect(run()).rejects.toMatchObject({
      kind: 'rejected',
      stage: 'parse',
      code: '13',
      location: { segmentTag: 'UNZ', segmentIndex: 20 },
    });
    expect(seen).toEqual(['M0', 'M1', 'M2']);
  });

  it('checks the UNZ count at the end', async () => {
    const bytes = Buffer.from(
      interchange(2)
        .toString('utf8')
        .replace(/UNZ\+2\+/, 'UNZ+5+'),
    );
    await expect(collect(chunked(bytes, 50))).rejects.toBeInstanceOf(TradeError);
  });
});
