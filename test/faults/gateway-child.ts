import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The real gateway as a child process, as operators run it: the built `dist/gateway/main.js`
 * when this file runs from `dist/` (npm run faults), else `gateway/main.ts` through ts-node
 * (the jest suite, where nothing is built). It can be killed with SIGKILL and started again.
 */
export interface GatewayChild {
  url: string;
  /** Exits the suite did not cause (a crash on a dependency restart is a finding). */
  unexpectedExits: number;
  start(): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Starts it again when it died by itself (the suite is its supervisor, and counts it). */
  reviveIfDead(): Promise<boolean>;
  stop(): Promise<void>;
  /** The last lines it wrote to stderr, for a failure report. */
  stderrTail(): string;
}

// This file's tree: <root>/dist/test/faults when built, <root>/test/faults under jest.
const TREE = resolve(__dirname, '..', '..');
const ROOT = existsSync(join(TREE, 'package.json')) ? TREE : resolve(TREE, '..');

function command(): string[] {
  const built = join(TREE, 'gateway', 'main.js');
  if (existsSync(built)) return [built];
  return ['-r', 'ts-node/register/transpile-only', join(ROOT, 'gateway', 'main.ts')];
}

export function gatewayChild(port: number, env: Record<string, string>): GatewayChild {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let expectExit = false;
  let tail = '';
  const state = {
    url,
    unexpectedExits: 0,
    start: async () => {
      expectExit = false;
      const started = spawn(process.execPath, command(), {
        cwd: ROOT,
        env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      started.stderr?.on('data', (chunk: Buffer) => {
        tail = (tail + chunk.toString()).slice(-4000);
      });
      started.once('exit', () => {
        if (!expectExit) state.unexpectedExits++;
      });
      child = started;
      // A suite that ends or fails leaves no gateway behind.
      const reap = () => started.kill('SIGKILL');
      process.once('exit', reap);
      started.once('exit', () => process.removeListener('exit', reap));
      await waitReady(url, started);
    },
    kill: async (signal: NodeJS.Signals) => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      expectExit = true;
      const exited = once(running, 'exit');
      running.kill(signal);
      await exited;
    },
    reviveIfDead: async () => {
      if (child && child.exitCode === null && child.signalCode === null) return false;
      await state.start();
      return true;
    },
    stop: async () => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      expectExit = true;
      const exited = once(running, 'exit');
      running.kill('SIGTERM');
      const timer = setTimeout(() => running.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    stderrTail: () => tail,
  };
  return state;
}

// Ready = /health/ready answers 200 (database, broker and Redis reachable, migrations done).
async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gateway at ${url} not ready in 120 s`);
}
