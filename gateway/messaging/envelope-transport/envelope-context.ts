import { BaseRpcContext } from '@nestjs/microservices';
import type { PoolClient } from 'pg';

/**
 * The second argument of every envelope handler method: the transaction the consumer opened
 * for the batch (it also records the envelope as processed; the ack follows its COMMIT) and the
 * queue the envelope came from. Write every effect with `tx`, and nothing outside it.
 */
export class EnvelopeContext extends BaseRpcContext<[PoolClient, string]> {
  get tx(): PoolClient {
    return this.args[0];
  }

  /** The handler queue (`q.<queue>`), which is also the idempotency consumer name. */
  get queue(): string {
    return this.args[1];
  }
}
