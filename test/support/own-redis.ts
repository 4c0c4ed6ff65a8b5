import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './free-port';

/**
 * A Redis server of the test's own on another port, without persistence, so a restart loses
 * every key (bull's repeatable jobs included), as a production Redis without AOF/RDB would.
 * The machine's shared Redis is never touched.
 */
export interface OwnRedis {
  port: number;
  url: string;
  /** Kills the server (its data is gone) and starts an empty one on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = server;
    await readyLine(server);
  };
  const stop = async () => {
    const server = child;
    child = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    restart: async () => {
      await stop();
      await start();
    },
    stop,
    start,
  };
}

// redis-server prints this once it accepts connections.
function readyLine(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (/ready to accept connections/i.test(seen)) resolve();
    });
    server.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${seen}`)));
  });
}
