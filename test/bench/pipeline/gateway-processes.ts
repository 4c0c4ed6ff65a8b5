import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { BenchEnv } from './bench-env';

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
}

// BENCH_GATEWAY_MAIN runs another build's gateway under this harness (an A/B of two commits).
const MAIN =
  process.env.BENCH_GATEWAY_MAIN ?? join(__dirname, '..', '..', '..', 'gateway', 'main.js');

/** Starts `count` gateway processes sharing one database and namespace, as a scaled deployment. */
export async function startGateways(
  env: BenchEnv,
  count: number,
  basePort: number,
  extraEnv: Record<string, string> = {},
): Promise<GatewayProcess[]> {
  const started: GatewayProcess[] = [];
  for (let i = 0; i < count; i++) {
    const port = basePort + i;
    const child = spawn(
      process.execPath,
      [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), MAIN],
      {
        env: {
          ...process.env,
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn',
          HOST: '127.0.0.1',
          PORT: String(port),
          DATABASE_URL: env.databaseUrl,
          RABBITMQ_URL: env.rabbitUrl,
          RABBITMQ_NAMESPACE: env.namespace,
          REDIS_URL: env.redisUrl,
          BULL_PREFIX: env.bullPrefix,
          ...extraEnv,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    started.push({ url: `http://127.0.0.1:${port}`, child });
    // One at a time: the first runs the migrations, the next find them done.
    await waitHealthy(`http://127.0.0.1:${port}`, child);
  }
  return started;
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`gateway at ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gateway at ${url} not healthy in 60 s`);
}

export async function stopGateways(gateways: GatewayProcess[]): Promise<void> {
  await Promise.all(
    gateways.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
}
