import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);
const BIN = '/usr/lib/rabbitmq/bin';

/**
 * A RabbitMQ node of the test's own: its own node name, AMQP and distribution ports, Mnesia
 * folder, config and (empty) plugin list, so stopping it or closing its connections never
 * touches the machine's shared broker. Messages in durable queues survive a stop and start, as
 * on a real broker. Starts in about 5 s.
 */
export interface OwnRabbit {
  port: number;
  url: string;
  nodeName: string;
  /** Stops the node (rabbitmqctl shutdown: every connection drops) and waits until it is down. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Force-closes every client connection (the node stays up). */
  closeConnections(): Promise<void>;
  /** Stops the node and removes its folder. */
  destroy(): Promise<void>;
}

// rabbitmqctl and other CLI tools listen on 35672-35682 for their own distribution: never pick
// those for the node (the first try here failed with eaddrinuse while await_startup ran).
async function nodePort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port < 35600 || port > 35700) return port;
  }
}

export async function startOwnRabbit(): Promise<OwnRabbit> {
  const dir = mkdtempSync(join(tmpdir(), 'tradehub-own-rmq-'));
  const port = await nodePort();
  const distPort = await nodePort();
  const nodeName = `tradehub-own-${port}@localhost`;
  writeFileSync(join(dir, 'rabbitmq.conf'), 'loopback_users = none\n');
  writeFileSync(join(dir, 'enabled_plugins'), '[].\n');
  // The machine's rabbitmq-env.conf names the shared node: an empty one of our own instead.
  writeFileSync(join(dir, 'rabbitmq-env.conf'), '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dir, // the Erlang cookie the node and our rabbitmqctl calls share
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_PID_FILE: join(dir, 'pid'),
    ERL_EPMD_ADDRESS: '127.0.0.1',
  };
  const ctl = (...args: string[]) =>
    run(join(BIN, 'rabbitmqctl'), ['-n', nodeName, ...args], { env, cwd: dir });
  let child: ChildProcess | undefined;
  const start = async () => {
    // Its own process group: the script forks beam.smp, and a kill must reach both.
    const server = spawn(join(BIN, 'rabbitmq-server'), [], {
      env,
      cwd: dir,
      stdio: 'ignore',
      detached: true,
    });
    child = server;
    await awaitStartup(ctl, server);
  };
  const stop = async () => {
    const server = child;
    child = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = once(server, 'exit');
    await ctl('shutdown').catch(() => process.kill(-(server.pid ?? 0), 'SIGKILL'));
    await exited;
  };
  await start();
  return {
    port,
    url: `amqp://guest:guest@127.0.0.1:${port}`,
    nodeName,
    stop,
    start,
    closeConnections: async () => {
      await ctl('close_all_connections', 'fault suite');
    },
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The node registers with epmd a moment after the process starts: until then await_startup
// answers "not running at all", so it is asked again.
async function awaitStartup(
  ctl: (...args: string[]) => Promise<unknown>,
  server: ChildProcess,
): Promise<void> {
  const until = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`rabbitmq-server exited (${server.exitCode})`);
    try {
      await ctl('await_startup', '--timeout', '30');
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
