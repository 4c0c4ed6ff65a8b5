import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { enqueueEnvelope } from '../../core/messaging/outbox';
import { deliveryEnvelope } from '../../core/outbound/outbound-queue';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import { recordAudit } from '../../core/storage/audit-log';
import { inTransaction } from '../../core/storage/database';
import { MessageRepository } from '../../core/storage/message.repository';
import type { Principal } from '../auth/principal';
import { PG_POOL } from '../infra/tokens';
import { MessageQueryService } from '../operator/message-query.service';
import { PARTNER_REGISTRY } from '../partners/partners.tokens';

/** Operators retry an outbound message whose delivery failed for good. */
@Injectable()
export class RedeliveryService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PARTNER_REGISTRY) private readonly partners: PartnerRegistry,
    private readonly query: MessageQueryService,
    private readonly messages: MessageRepository,
  ) {}

  async redeliver(
    principal: Principal,
    id: string,
  ): Promise<{ messageId: string; redelivery: number }> {
    await this.query.visible(principal, id);
    return inTransaction(this.pool, async (tx) => {
      const message = (await this.messages.get(tx, id, true))!;
      if (message.direction !== 'out')
        throw new ConflictException('only outbound messages are redelivered; replay inbound ones');
      if (message.state !== 'delivery-failed')
        throw new ConflictException(`message is ${message.state}, not delivery-failed`);
      const done = await tx.query<{ n: string }>(
        `SELECT count(*) AS n FROM message_states WHERE message_id = $1 AND state = 'queued' AND detail->>'redelivery' IS NOT NULL`,
        [id],
      );
      const redelivery = Number(done.rows[0].n) + 1;
      await this.messages.setState(tx, id, 'queued', {
        stage: 'deliver',
        detail: { redelivery, by: principal.name },
      });
      const connector = this.partners.find(message.partnerId)?.connector ?? 'unknown';
      await enqueueEnvelope(
        tx,
        deliveryEnvelope(
          {
            partnerId: message.partnerId,
            connector,
            transport: message.transport,
            clientId: message.clientId,
            correlationId: message.correlationId ?? undefined,
          },
          id,
          redelivery,
        ),
      );
      await recordAudit(tx, principal, 'message.redeliver', id, { redelivery });
      return { messageId: id, redelivery };
    });
  }
}
