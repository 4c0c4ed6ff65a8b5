import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { ApiKeyRepository } from '../../core/storage/api-key.repository';
import { hasRole } from '../auth/principal';
import { PollWorker } from '../connectors/poll.worker';
import { PG_POOL } from '../infra/tokens';
import { DeliveryWorker } from '../outbound/delivery.worker';

export const QUEUES_PATH = '/console/queues';
// Set by the console at sign-in for this path only: bull-board's own page sends no header.
const KEY_COOKIE = 'tradehub_key';

/** bull-board over the delivery and poll queues, for operators signed in to the console. */
@Injectable()
export class BullBoardMount implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly keys: ApiKeyRepository,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    const board = new FastifyAdapter();
    board.setBasePath(QUEUES_PATH);
    createBullBoard({
      // The workers belong to their own modules; they are looked up, not imported.
      queues: [DeliveryWorker, PollWorker].map(
        (worker) => new BullAdapter(this.modules.get(worker, { strict: false }).queue),
      ),
      serverAdapter: board,
    });
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', (request, reply) => this.signedIn(request, reply));
      await scope.register(board.registerPlugin(), { prefix: QUEUES_PATH });
    });
  }

  private async signedIn(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const key = keyFromCookie(request.headers.cookie);
    const row = key ? await this.keys.findByKey(this.pool, key) : undefined;
    if (!row) {
      await reply.code(401).send({ message: 'sign in to the console first' });
    } else if (row.clientId || !hasRole({ ...row, keyId: row.id }, 'operator')) {
      await reply.code(403).send({ message: 'queues are for operators' });
    }
  }
}

function keyFromCookie(header: string | undefined): string | undefined {
  const pair = (header ?? '')
    .split(';')
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${KEY_COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(KEY_COOKIE.length + 1)) : undefined;
}
