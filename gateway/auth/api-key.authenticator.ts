import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Pool } from 'pg';
import type { Logger } from '../../core/logging/logger';
import { ApiKeyRepository } from '../../core/storage/api-key.repository';
import type { MetricsService } from '../operations/metrics.service';
import { METRICS } from '../operations/operations.tokens';
import { LOGGER, PG_POOL } from '../infra/tokens';
import type { Principal } from './principal';

// Issued keys are `th_` + 32 base64url characters; operators may set a longer bootstrap key,
// but nothing near this. A longer value is refused before it is hashed or looked up.
const MAX_KEY_LENGTH = 256;
// Revocation takes effect within this time; the cache only spares PostgreSQL the round trip.
const TTL_MS = 5000;
const MAX_ENTRIES = 5000;

export type AuthFailure = 'missing' | 'malformed' | 'unknown' | 'rate-limited';

/**
 * Resolves presented API keys to principals. Only valid keys are cached, by their hash, in a
 * bounded LRU with a TTL: unknown keys cost a lookup each time (and are rate-limited per remote
 * address in front of the guard), but never grow memory.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly valid = new LRUCache<string, Principal>({ max: MAX_ENTRIES, ttl: TTL_MS });

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly keys: ApiKeyRepository,
    @Inject(METRICS) private readonly metrics: MetricsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** How many valid keys the cache holds (bounded; unknown keys never enter it). */
  get cachedKeys(): number {
    return this.valid.size;
  }

  /** Whether the key is a valid one seen lately (the rate limiter does not count those). */
  isKnownValid(key: string): boolean {
    return key.length <= MAX_KEY_LENGTH && this.valid.has(digest(key));
  }

  async authenticate(key: string): Promise<Principal | AuthFailure> {
    if (key.length > MAX_KEY_LENGTH) return 'malformed';
    const hash = digest(key);
    const hit = this.valid.get(hash);
    if (hit) return hit;
    const row = await this.keys.findByKey(this.pool, key);
    if (!row) return 'unknown';
    const principal = { keyId: row.id, name: row.name, role: row.role, clientId: row.clientId };
    this.valid.set(hash, principal);
    return principal;
  }

  /** Every refused authentication is logged (never the key) and counted by reason. */
  recordFailure(reason: AuthFailure, remoteAddress: string, path: string): void {
    this.metrics.authFailure(reason);
    this.logger.warn({ reason, remoteAddress, path }, 'API authentication refused');
  }
}

const digest = (key: string) => createHash('sha256').update(key).digest('base64');
