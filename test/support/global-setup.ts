import { Client } from 'pg';
import * as net from 'node:net';
import { buildConsole, ensureChromium } from './browser';
import { ensureSshd } from './sftp-server';

// Fails fast, with the fix, when a service the integration suites need is not answering.
async function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

export default async function globalSetup(): Promise<void> {
  const missing: string[] = [];
  if (!(await reachable('127.0.0.1', 5432))) missing.push('PostgreSQL on 127.0.0.1:5432');
  if (!(await reachable('127.0.0.1', 5672))) missing.push('RabbitMQ on 127.0.0.1:5672');
  if (!(await reachable('127.0.0.1', 6379))) missing.push('Redis on 127.0.0.1:6379');
  if (missing.length) {
    throw new Error(
      `integration tests need the real services; not answering: ${missing.join(', ')} (.ci/run starts them)`,
    );
  }
  // The SFTP suites start their own OpenSSH server; install it once, before workers start.
  ensureSshd();
  // The console suite drives Debian's chromium against the console's production build.
  ensureChromium();
  buildConsole();
  const pg = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await pg.connect();
  await pg.end();
}
