import { TOKEN_EXPIRES_KEY } from '../../core/connector/contract';
import type { PartnerRecord } from '../../core/partners/partner.schema';
import type { Queryable } from '../../core/storage/queryable';
import {
  LAST_ERROR_KEY,
  LAST_OK_KEY,
  LAST_POLL_KEY,
  readLastPoll,
  type LastPoll,
} from '../connectors/poll.service';

export interface TransportState {
  /** Transport kind (sftp, amazon-sp-api ...) and its place in the partner record. */
  kind: string;
  index: number;
  /** Last poll the partner's server or API answered (connection, listing, pages). */
  lastSuccessAt: string | null;
  lastError: { at: string; kind?: string; code?: string; message: string } | null;
  /** The last poll succeeded (null: never polled, or nothing is known yet). */
  reachable: boolean | null;
  /**
   * How the last poll ended, a transient error that ended a round early (a 5xx, a time-out)
   * included, and how many polls in a row failed. Null before the first poll recorded it.
   */
  lastPoll: LastPoll | null;
  consecutiveFailures: number;
  /** Access-token expiry for API partners that hold one (Amazon LWA, Shopee). */
  tokenExpiresAt?: string;
  tokenValid?: boolean;
}

export interface PollStateRow {
  partnerId: string;
  transport: string;
  key: string;
  value: string;
}

const KEYS = [LAST_OK_KEY, LAST_ERROR_KEY, LAST_POLL_KEY, TOKEN_EXPIRES_KEY];

/**
 * The poll-state rows partner health needs, for every partner or one (one query on the
 * primary key).
 */
export async function loadTransportRows(
  db: Queryable,
  partnerId?: string,
): Promise<PollStateRow[]> {
  const { rows } = await db.query<PollStateRow>(
    `SELECT partner_id AS "partnerId", transport, key, value FROM poll_state
      WHERE key = ANY($1::text[]) AND ($2::text IS NULL OR partner_id = $2)`,
    [KEYS, partnerId ?? null],
  );
  return rows;
}

/**
 * Each polled transport's state from what the pollers wrote (pure). A transport with nothing
 * written (webhooks, outbound-only ones) is left out: nothing is known about it here.
 */
export function transportStates(
  partner: PartnerRecord,
  rows: readonly PollStateRow[],
  nowMs = Date.now(),
): TransportState[] {
  return partner.transports.flatMap((t, index) => {
    const own = new Map(
      rows
        .filter((r) => r.partnerId === partner.id && r.transport === `${t.kind}/${index}`)
        .map((r) => [r.key, r.value]),
    );
    if (own.size === 0) return [];
    const lastSuccessAt = own.get(LAST_OK_KEY) ?? null;
    const lastError = parseError(own.get(LAST_ERROR_KEY));
    const token = own.get(TOKEN_EXPIRES_KEY);
    const lastPoll = readLastPoll(own.get(LAST_POLL_KEY)) ?? null;
    return [
      {
        kind: t.kind,
        index,
        lastSuccessAt,
        lastError,
        reachable: reachable(lastSuccessAt, lastError?.at),
        lastPoll,
        consecutiveFailures: lastPoll?.consecutiveFailures ?? 0,
        ...(token ? { tokenExpiresAt: token, tokenValid: Date.parse(token) > nowMs } : {}),
      },
    ];
  });
}

function reachable(okAt: string | null, errorAt: string | undefined): boolean | null {
  if (!okAt && !errorAt) return null;
  if (!errorAt) return true;
  return okAt !== null && Date.parse(okAt) > Date.parse(errorAt);
}

function parseError(raw: string | undefined): TransportState['lastError'] {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as TransportState['lastError'];
  } catch {
    return { at: '', message: raw };
  }
}
