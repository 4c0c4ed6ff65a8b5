import { Writable } from 'node:stream';
import { amqpSocket, coalesceWrites } from './coalesce-writes';

/** A stream that records how its bytes arrived: one entry per underlying write(v). */
function recordingStream(highWaterMark = 16 * 1024) {
  const calls: string[][] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, done) {
      calls.push([chunk.toString()]);
      done();
    },
    writev(chunks, done) {
      calls.push(chunks.map((c) => (c.chunk as Buffer).toString()));
      done();
    },
  });
  return { stream, calls };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesceWrites', () => {
  it('sends the writes of one turn together, in order, and later ones in their own', async () => {
    const { stream, calls } = recordingStream();
    coalesceWrites(stream);
    ['a', 'b', 'c'].forEach((s) => stream.write(Buffer.from(s)));
    await tick();
    stream.write(Buffer.from('d'));
    await tick();
    expect(calls).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('still reports a full buffer and drains it', async () => {
    const { stream, calls } = recordingStream(4);
    coalesceWrites(stream);
    const accepted = ['ab', 'cd', 'ef'].map((s) => stream.write(Buffer.from(s)));
    expect(accepted).toEqual([true, false, false]);
    await new Promise((resolve) => stream.once('drain', resolve));
    expect(calls.flat().join('')).toBe('abcdef');
  });

  it('wraps a stream once', async () => {
    const { stream, calls } = recordingStream();
    coalesceWrites(stream);
    coalesceWrites(stream);
    stream.write(Buffer.from('x'));
    await tick();
    expect(calls).toEqual([['x']]);
  });

  it('finds the socket of a connection, and nothing in something else', () => {
    const { stream } = recordingStream();
    expect(amqpSocket({ stream })).toBe(stream);
    expect(amqpSocket({})).toBeUndefined();
    expect(amqpSocket(undefined)).toBeUndefined();
  });
});
