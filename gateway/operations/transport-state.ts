import { TOKEN_EXPIRES_KEY } from '../../core/connector/contract';
import type { PartnerRecord } from '../../core/partners/partner.schema';
import type { Queryable } from '../../core/storage/queryable';
import { LAST_ERROR_KEY, LAST_OK_KEY } from '../connectors/poll.service';

export interface TransportState {
  /** Transport kind (sftp, amazon-sp-api ...) and its place in the partner record. */
  kind: string;
  index: number;
  /** Last poll the partner's server or API answered (connection, listing, pages). */
  lastSuccessAt: string | null;
  lastError: { at: string; kind?: string; code?: string; message: string } | null;
  /** The last poll succeeded (null: never polled, or nothing is known yet). */
  reachable: boolean | null;
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

const KEYS = [LAST_OK_KEY, LAST_ERROR_KEY, TOKEN_EXPIRES_KEY];

/** The poll-state rows partner health needs, for every partner (one query on the primary key). */
export async function loadTransportRows(db: Queryable): Promise<PollStateRow[]> {
  const { rows } = await db.query<PollStateRow>(
    `SELECT partner_id AS "partnerId", transport, key, value FROM poll_state WHERE key = ANY($1::text[])`,
    [KEYS],
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
    return [
      {
        kind: t.kind,
        index,
        lastSuccessAt,
        lastError,
        reachable: reachable(lastSuccessAt, lastError?.at),
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
