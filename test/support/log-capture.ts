import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../core/logging/logger';

/** A logger at `info` whose JSON lines a test can read, as an operator reads the log. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('info', 'tradehub', stream), lines };
}
