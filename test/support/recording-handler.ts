import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import type { Envelope } from '../../core/envelope/envelope';
import { TradeError } from '../../core/errors/trade-error';
import type { EnvelopeContext } from '../../gateway/messaging/envelope-transport/envelope-context';
import { EnvelopeHandlers } from '../../gateway/messaging/envelope-transport/envelope-handlers.decorator';
import { startTestGateway, type TestGateway } from './gateway-harness';

/** What the recording handler does with the next envelopes: record, or fail in a chosen way. */
export const behaviour: { mode: 'record' | 'transient-once' | 'permanent'; failures: number } = {
  mode: 'record',
  failures: 0,
};

/**
 * A test handler bound to every canonical event. It records each envelope in its own table in
 * the handler transaction, with the envelope id as primary key: a second effect for the same
 * envelope would fail the test's unique count, not hide.
 */
@EnvelopeHandlers('test-recorder')
export class RecordingHandler {
  /** Which gateway instance handled an envelope (two gateways share a test's work). */
  readonly instance = randomUUID();

  // Topic patterns: the payload type is unknown, which is all a recorder needs.
  @EventPattern(['commerce.#', 'logistics.#', 'settlement.#', 'clearance.#', 'warehouse.#'])
  async record(envelope: Envelope, { tx }: EnvelopeContext): Promise<void> {
    await tx.query(
      'INSERT INTO test_received (envelope_id, type, refs, client_id, body, instance) VALUES ($1,$2,$3,$4,$5,$6)',
      [
        envelope.id,
        envelope.type,
        envelope.refs,
        envelope.clientId ?? null,
        envelope,
        this.instance,
      ],
    );
    if (behaviour.mode === 'transient-once' && behaviour.failures === 0) {
      behaviour.failures++;
      throw new TradeError('transient', 'downstream busy, try later');
    }
    if (behaviour.mode === 'permanent') {
      behaviour.failures++;
      throw new TradeError('rejected', 'order lines do not add up (test)');
    }
  }
}

@Module({ controllers: [RecordingHandler] })
export class RecordingHandlerModule {}

/** The table the recording handler writes to; create it before messages flow. */
export async function createReceivedTable(db: { query: PoolClient['query'] }): Promise<void> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS test_received (envelope_id uuid PRIMARY KEY, type text, refs jsonb, client_id text, body jsonb, instance uuid, at timestamptz DEFAULT clock_timestamp())`,
  );
}

export async function received(tx: { query: PoolClient['query'] }): Promise<
  Array<{
    envelope_id: string;
    type: string;
    refs: Record<string, string[]>;
    client_id: string | null;
    body: Envelope;
  }>
> {
  const exists = await tx.query(`SELECT to_regclass('test_received') AS t`);
  if (!(exists.rows[0] as { t: string | null }).t) return [];
  return (await tx.query('SELECT * FROM test_received ORDER BY at')).rows;
}

/** The envelopes recorded from one partner's messages, in the order they were handled. */
export async function receivedFrom(
  db: { query: PoolClient['query'] },
  partnerId: string,
): Promise<Awaited<ReturnType<typeof received>>> {
  return (await received(db)).filter((r) => r.body.source.partnerId === partnerId);
}

/** A test gateway with the recording handler and its table, ready for messages. */
export async function startRecordingGateway(
  options: Parameters<typeof startTestGateway>[0] = {},
): Promise<TestGateway> {
  const gw = await startTestGateway({
    ...options,
    imports: [RecordingHandlerModule, ...(options.imports ?? [])],
  });
  await createReceivedTable(gw.pool);
  return gw;
}
