import { createHash, randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import { Client, Pool } from 'pg';
import { benchEnv, dropDatabase } from './bench-env';
import { orderPayload } from './order-payload';
import { machineBusyMs } from './process-cpu';

/**
 * The ceiling on the same services: for each message, INSERT the raw row into PostgreSQL and
 * publish it persistent to a quorum queue with a publisher confirm, `concurrency` at a time
 * (so never more than that many unconfirmed). No HTTP, no parsing, no consumer.
 */
export async function runBarePipeline(
  count: number,
  concurrency: number,
): Promise<{ messages: number; perSecond: number; machineCpuMsPerMessage?: number }> {
  const env = benchEnv();
  const admin = new URL(env.databaseUrl);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const pool = new Pool({ connectionString: env.databaseUrl, max: 20 });
  pool.on('error', () => undefined);
  await pool.query(
    'CREATE TABLE raw_messages (id uuid PRIMARY KEY, content_hash text NOT NULL, raw bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT now())',
  );
  const connection = await connect(env.rabbitUrl, { noDelay: true });
  const channel = await connection.createConfirmChannel();
  const queue = `${env.namespace}bare`;
  await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  try {
    let next = 0;
    const started = Date.now();
    const machineBefore = machineBusyMs();
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const raw = orderPayload(env.id, i);
        const id = randomUUID();
        await pool.query('INSERT INTO raw_messages (id, content_hash, raw) VALUES ($1, $2, $3)', [
          id,
          createHash('sha256').update(raw).digest('hex'),
          raw,
        ]);
        await new Promise<void>((resolve, reject) =>
          channel.publish('', queue, raw, { persistent: true, messageId: id }, (err) =>
            err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(),
          ),
        );
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const perSecond = count / ((Date.now() - started) / 1000);
    const machineAfter = machineBusyMs();
    return {
      messages: count,
      perSecond,
      ...(machineBefore !== undefined && machineAfter !== undefined
        ? { machineCpuMsPerMessage: (machineAfter - machineBefore) / count }
        : {}),
    };
  } finally {
    await channel.deleteQueue(queue);
    await connection.close();
    await pool.end();
    await dropDatabase(env.databaseUrl);
  }
}
