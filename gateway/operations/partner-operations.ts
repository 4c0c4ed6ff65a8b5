import type { PartnerRecord } from '../../core/partners/partner.schema';
import { partnerCircuits, type CircuitView } from '../../core/resilience';
import type { Queryable } from '../../core/storage/queryable';
import type { PollHealth } from '../connectors/poll-health';
import { loadTransportRows, transportStates, type TransportState } from './transport-state';

export interface PartnerOperations {
  /** This process's circuit breaker of each partner API endpoint (open: the partner is paused). */
  circuits: (CircuitView & { transport: string })[];
  /** When each polled transport last ran, and whether it is overdue. */
  polls: PollHealth[];
  /** Each polled transport's state: last success, last error, last poll outcome, token. */
  transports: TransportState[];
}

/** The run-time state an operator looks at beside a partner's settings (GET /partners/:id). */
export async function partnerOperations(
  partner: PartnerRecord,
  polls: { pollHealth(partnerId: string): Promise<PollHealth[]> },
  db: Queryable,
): Promise<PartnerOperations> {
  const circuits = partner.transports.flatMap((t) => {
    const baseUrl = (t as { baseUrl?: unknown }).baseUrl;
    return typeof baseUrl === 'string'
      ? [{ transport: t.kind, ...partnerCircuits.view(baseUrl) }]
      : [];
  });
  const [health, rows] = await Promise.all([
    polls.pollHealth(partner.id),
    loadTransportRows(db, partner.id),
  ]);
  return { circuits, polls: health, transports: transportStates(partner, rows) };
}
