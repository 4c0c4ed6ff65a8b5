import type { PartnerRecord } from '../../core/partners/partner.schema';
import { partnerCircuits, type CircuitView } from '../../core/resilience';
import type { PollHealth } from '../connectors/poll-health';

export interface PartnerOperations {
  /** This process's circuit breaker of each partner API endpoint (open: the partner is paused). */
  circuits: (CircuitView & { transport: string })[];
  /** When each polled transport last ran, and whether it is overdue. */
  polls: PollHealth[];
}

/** The run-time state an operator looks at beside a partner's settings (GET /partners/:id). */
export async function partnerOperations(
  partner: PartnerRecord,
  polls: { pollHealth(partnerId: string): Promise<PollHealth[]> },
): Promise<PartnerOperations> {
  const circuits = partner.transports.flatMap((t) => {
    const baseUrl = (t as { baseUrl?: unknown }).baseUrl;
    return typeof baseUrl === 'string'
      ? [{ transport: t.kind, ...partnerCircuits.view(baseUrl) }]
      : [];
  });
  return { circuits, polls: await polls.pollHealth(partner.id) };
}
