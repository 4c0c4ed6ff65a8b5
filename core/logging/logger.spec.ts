import { Writable } from 'node:stream';
import { TradeError } from '../errors/trade-error';
import { createLogger } from './logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('info', 'test', stream), lines };
}

describe('logged errors', () => {
  it('keep message, code, detail and the cause chain, with secrets still redacted', () => {
    const { logger, lines } = capture();
    const cause = Object.assign(new Error('All configured authentication methods failed'), {
      level: 'client-authentication',
    });
    const err = new TradeError('config', 'sftp carrier@host:22 connect: auth failed', {
      stage: 'receive',
      code: 'auth-failed',
      cause,
      detail: { target: 'sftp carrier@host:22', password: 'hunter2' },
    });
    logger.warn({ err, settings: { password: 'hunter2' } }, 'poll failed');
    const [line] = lines;
    expect(line.err).toMatchObject({
      type: 'TradeError',
      message: 'sftp carrier@host:22 connect: auth failed',
      kind: 'config',
      code: 'auth-failed',
      detail: { target: 'sftp carrier@host:22', password: '[redacted]' },
      cause: {
        message: 'All configured authentication methods failed',
        level: 'client-authentication',
      },
    });
    expect(JSON.stringify(line)).not.toContain('hunter2');
  });

  it('keeps a plain Error message', () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('boom') }, 'failed');
    expect(lines[0].err).toMatchObject({ type: 'Error', message: 'boom' });
  });
});
