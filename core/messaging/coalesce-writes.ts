import type { Writable } from 'node:stream';

const COALESCED = Symbol('tradehub.coalescedWrites');

/**
 * Makes the writes a stream gets in one turn of the event loop leave as one `writev`. amqplib
 * writes every frame (each publish, each ack) with its own `write`, and on this VM a socket
 * write costs far more than the bytes it carries: a relay batch of 200 publishes was 200
 * syscalls. Bytes and their order are unchanged; `write` still reports a full buffer, so
 * amqplib's back-pressure (wait for 'drain') works as before.
 */
export function coalesceWrites(stream: Writable): void {
  const marked = stream as Writable & { [COALESCED]?: true };
  if (marked[COALESCED]) return;
  marked[COALESCED] = true;
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  let corked = false;
  const flush = () => {
    corked = false;
    stream.uncork();
  };
  stream.write = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      stream.cork();
      process.nextTick(flush);
    }
    return write(...args);
  }) as Writable['write'];
}

/** The socket under an amqplib connection, when it is a stream we can coalesce. */
export function amqpSocket(connection: unknown): Writable | undefined {
  const stream = (connection as { stream?: Partial<Writable> } | undefined)?.stream;
  return typeof stream?.cork === 'function' && typeof stream.uncork === 'function'
    ? (stream as Writable)
    : undefined;
}
