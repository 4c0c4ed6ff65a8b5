import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { partnerCircuits, type CircuitBreakers } from '../../core/resilience';

export interface LagSource {
  outboxLag(): Promise<{ pending: number; oldestAgeSeconds: number }>;
  queueDepths(): Promise<Record<string, number>>;
  inboxLag(): Promise<{ pending: number; retrying: number; oldestAgeSeconds: number }>;
}

/** When each poll target last ran, for the overdue gauge (gateway/connectors). */
export interface PollHealthSource {
  pollHealth(): Promise<
    { partnerId: string; kind: string; index: number; ageSeconds: number; overdue: boolean }[]
  >;
}

const CIRCUIT_VALUES = { closed: 0, open: 1, 'half-open': 2, isolated: 3 } as const;

/**
 * Prometheus metrics of one gateway process. Counters are per process (Prometheus sums
 * instances); lag and depths are read from PostgreSQL and RabbitMQ at scrape time.
 */
export class MetricsService {
  readonly registry = new Registry();
  private readonly messages = new Counter({
    name: 'tradehub_messages_total',
    help: 'Messages by direction, partner, message type and state reached',
    labelNames: ['direction', 'partner', 'message_type', 'state'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'tradehub_processing_latency_seconds',
    help: 'From raw message received to canonical envelopes committed',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly handled = new Counter({
    name: 'tradehub_handler_envelopes_total',
    help: 'Envelopes handled by consumers, by consumer and outcome',
    labelNames: ['consumer', 'outcome'],
    registers: [this.registry],
  });
  readonly batchSeconds = new Histogram({
    name: 'tradehub_handler_batch_seconds',
    help: 'Time of one consumer batch transaction, by consumer',
    labelNames: ['consumer'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly batchSize = new Histogram({
    name: 'tradehub_handler_batch_size',
    help: 'Envelopes per consumer batch transaction, by consumer',
    labelNames: ['consumer'],
    buckets: [1, 2, 5, 10, 20, 50, 100, 200],
    registers: [this.registry],
  });
  private readonly polls = new Counter({
    name: 'tradehub_polls_total',
    help: 'Inbound polls by partner, transport and outcome (polled, failed, locked, backing-off)',
    labelNames: ['partner', 'transport', 'outcome'],
    registers: [this.registry],
  });
  private readonly polled = new Counter({
    name: 'tradehub_polled_files_total',
    help: 'Files (or pages) a poll took or left for the next poll, by partner and transport',
    labelNames: ['partner', 'transport', 'outcome'],
    registers: [this.registry],
  });
  private readonly outboxPending = new Gauge({
    name: 'tradehub_outbox_pending',
    help: 'Outbox rows not yet confirmed by the broker',
    registers: [this.registry],
  });
  private readonly outboxLagSeconds = new Gauge({
    name: 'tradehub_outbox_lag_seconds',
    help: 'Age of the oldest unpublished outbox row',
    registers: [this.registry],
  });
  private readonly inboxPending = new Gauge({
    name: 'tradehub_normalizer_inbox_pending',
    help: 'Stored messages waiting for the normalizer, by state (due, or retrying after a transient failure)',
    labelNames: ['state'],
    registers: [this.registry],
  });
  private readonly inboxLagSeconds = new Gauge({
    name: 'tradehub_normalizer_inbox_lag_seconds',
    help: 'Age of the oldest stored message waiting for the normalizer',
    registers: [this.registry],
  });
  private readonly queueDepth = new Gauge({
    name: 'tradehub_queue_depth',
    help: 'Messages ready in each RabbitMQ queue',
    labelNames: ['queue'],
    registers: [this.registry],
  });
  private readonly webhookRefusals = new Counter({
    name: 'tradehub_webhook_auth_failures_total',
    help: 'Webhook pushes refused with 401, by partner and reason (unsigned, bad-signature, stale ...)',
    labelNames: ['partner', 'reason'],
    registers: [this.registry],
  });

  private readonly authFailures = new Counter({
    name: 'tradehub_auth_failures_total',
    help: 'Refused operator API authentications by reason (missing, malformed, unknown key, rate-limited)',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  private readonly circuitState = new Gauge({
    name: 'tradehub_circuit_state',
    help: 'Circuit breaker of each partner endpoint: 0 closed, 1 open (partner paused), 2 half-open, 3 isolated',
    labelNames: ['endpoint'],
    registers: [this.registry],
  });
  private readonly pollOverdue = new Gauge({
    name: 'tradehub_poll_overdue',
    help: 'Poll targets not polled within twice their interval (1), e.g. a schedule lost with Redis',
    labelNames: ['partner', 'transport'],
    registers: [this.registry],
  });
  private readonly pollAgeSeconds = new Gauge({
    name: 'tradehub_poll_age_seconds',
    help: 'Seconds since each poll target was last polled (or since it was scheduled)',
    labelNames: ['partner', 'transport'],
    registers: [this.registry],
  });
  private lagSource?: LagSource;
  private pollSource?: PollHealthSource;

  constructor(
    withDefaults = true,
    private readonly circuits: CircuitBreakers = partnerCircuits,
  ) {
    if (withDefaults) collectDefaultMetrics({ register: this.registry, prefix: 'tradehub_' });
  }

  /**
   * The exposition text. Backlogs are read here, each source once and all at once, rather than
   * in per-gauge collect hooks, which queried the outbox and the inbox once per gauge.
   */
  async render(): Promise<string> {
    const source = this.lagSource;
    if (source) {
      const [outbox, inbox, depths] = await Promise.all([
        source.outboxLag(),
        source.inboxLag(),
        source.queueDepths(),
      ]);
      this.outboxPending.set(outbox.pending);
      this.outboxLagSeconds.set(outbox.oldestAgeSeconds);
      this.inboxPending.set({ state: 'due' }, inbox.pending - inbox.retrying);
      this.inboxPending.set({ state: 'retrying' }, inbox.retrying);
      this.inboxLagSeconds.set(inbox.oldestAgeSeconds);
      this.queueDepth.reset();
      for (const [queue, depth] of Object.entries(depths)) this.queueDepth.set({ queue }, depth);
    }
    this.circuitState.reset();
    for (const c of this.circuits.list())
      this.circuitState.set({ endpoint: c.endpoint }, CIRCUIT_VALUES[c.state]);
    if (this.pollSource) await this.renderPolls(this.pollSource);
    return this.registry.metrics();
  }

  attach(source: LagSource): void {
    this.lagSource = source;
  }

  attachPolls(source: PollHealthSource): void {
    this.pollSource = source;
  }

  private async renderPolls(source: PollHealthSource): Promise<void> {
    this.pollOverdue.reset();
    this.pollAgeSeconds.reset();
    for (const t of await source.pollHealth()) {
      const labels = { partner: t.partnerId, transport: `${t.kind}/${t.index}` };
      this.pollOverdue.set(labels, t.overdue ? 1 : 0);
      this.pollAgeSeconds.set(labels, t.ageSeconds);
    }
  }

  messageState(
    direction: 'in' | 'out',
    partner: string,
    messageType: string | undefined,
    state: string,
  ): void {
    this.messages.inc({ direction, partner, message_type: messageType ?? 'unknown', state });
  }

  webhookRefused(partner: string, reason: string): void {
    this.webhookRefusals.inc({ partner, reason });
  }

  pollOutcome(partner: string, transport: string, outcome: string): void {
    this.polls.inc({ partner, transport, outcome });
  }

  polledFiles(
    target: { partnerId: string; kind: string },
    result: { received: number; deferred: number },
  ): void {
    const labels = { partner: target.partnerId, transport: target.kind };
    this.polled.inc({ ...labels, outcome: 'taken' }, result.received);
    this.polled.inc({ ...labels, outcome: 'deferred' }, result.deferred);
  }

  authFailure(reason: string): void {
    this.authFailures.inc({ reason });
  }

  observeLatency(receivedAt: string): void {
    this.latency.observe(Math.max(0, (Date.now() - Date.parse(receivedAt)) / 1000));
  }
}
