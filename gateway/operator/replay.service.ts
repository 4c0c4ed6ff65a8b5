import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { handToNormalizer } from '../../core/ingest/normalizer-inbox';
import { recordAudit } from '../../core/storage/audit-log';
import { inTransaction } from '../../core/storage/database';
import { MessageRepository } from '../../core/storage/message.repository';
import type { Principal } from '../auth/principal';
import { PG_POOL } from '../infra/tokens';
import { MessageQueryService } from './message-query.service';

/**
 * Replays a stored inbound message from its raw bytes through the normalizer. Each replay is a
 * new generation, so its canonical envelopes get new ids; replaying a processed message must be
 * asked for explicitly (`force`), since handlers will see its documents again.
 */
@Injectable()
export class ReplayService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly query: MessageQueryService,
    private readonly messages: MessageRepository,
  ) {}

  async replay(
    principal: Principal,
    id: string,
    force: boolean,
  ): Promise<{ messageId: string; generation: number }> {
    await this.query.visible(principal, id);
    return inTransaction(this.pool, async (tx) => {
      const message = (await this.messages.get(tx, id, true))!;
      if (message.direction !== 'in')
        throw new ConflictException('only inbound messages replay; redeliver outbound ones');
      // Read in this transaction: a month's disposal that got here first has dropped the
      // payload (rawPurgedAt was read before it committed); one that comes later holds it back.
      if (message.rawPurgedAt || !(await this.messages.hasRaw(tx, id)))
        throw new ConflictException(
          `raw payload dropped${message.rawPurgedAt ? ` on ${message.rawPurgedAt}` : ''} under the retention policy: nothing to replay`,
        );
      if (message.duplicateOf)
        throw new ConflictException(`duplicate of ${message.duplicateOf}: replay the original`);
      if (message.state === 'processed' && !force) {
        throw new ConflictException(
          'message was processed; replay with force=true to publish its documents again',
        );
      }
      const done = await tx.query<{ n: string }>(
        `SELECT count(*) AS n FROM message_states WHERE message_id = $1 AND state = 'replay-requested'`,
        [id],
      );
      const generation = Number(done.rows[0].n) + 1;
      await this.messages.addState(tx, id, 'replay-requested', {
        detail: { generation, by: principal.name, force },
      });
      await handToNormalizer(tx, [id], generation);
      await recordAudit(tx, principal, 'message.replay', id, { generation, force });
      return { messageId: id, generation };
    });
  }
}
