import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { TradeError, type Stage } from '../errors/trade-error';

export type CircuitStateName = 'closed' | 'open' | 'half-open' | 'isolated';

const STATE_NAMES: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

export interface CircuitSettings {
  /** Consecutive transient failures that open the circuit. */
  failures: number;
  /** How long an open circuit refuses calls before one test call may pass. */
  halfOpenAfterMs: number;
}

export const DEFAULT_CIRCUIT: CircuitSettings = { failures: 5, halfOpenAfterMs: 30_000 };

export interface CircuitView {
  endpoint: string;
  state: CircuitStateName;
  /** When an open circuit lets a test call through. */
  retryAt?: string;
}

interface Circuit {
  policy: CircuitBreakerPolicy;
  openedAt?: number;
}

/**
 * One circuit breaker (cockatiel) per partner endpoint. After `failures` transient failures in
 * a row the endpoint is left alone for `halfOpenAfterMs`: calls fail at once as transient with a
 * Retry-After of the time left, so delivery jobs and poll rounds pause instead of hammering a
 * partner that is down; then one call tests it and closes or re-opens the circuit.
 * Rejections (4xx) say the partner is up and never count.
 */
export class CircuitBreakers {
  private readonly circuits = new Map<string, Circuit>();
  private settings: CircuitSettings = DEFAULT_CIRCUIT;

  constructor(private readonly now: () => number = Date.now) {}

  /** New figures apply to circuits created from now on (set once at boot). */
  configure(settings: CircuitSettings): void {
    this.settings = settings;
  }

  async run<T>(endpoint: string, stage: Stage, call: () => Promise<T>): Promise<T> {
    const circuit = this.circuit(endpoint);
    try {
      return await circuit.policy.execute(call);
    } catch (err) {
      if (!(err instanceof BrokenCircuitError)) throw err;
      const waited = this.now() - (circuit.openedAt ?? this.now());
      throw new TradeError('transient', `${endpoint}: circuit open, partner paused`, {
        stage,
        code: 'circuit-open',
        retryAfterMs: Math.max(1000, this.settings.halfOpenAfterMs - waited),
      });
    }
  }

  view(endpoint: string): CircuitView {
    const circuit = this.circuits.get(endpointKey(endpoint));
    const state = circuit ? STATE_NAMES[circuit.policy.state] : 'closed';
    const retryAt =
      state === 'open' && circuit?.openedAt !== undefined
        ? new Date(circuit.openedAt + this.settings.halfOpenAfterMs).toISOString()
        : undefined;
    return { endpoint: endpointKey(endpoint), state, retryAt };
  }

  /** Every endpoint called so far, for the metrics scrape. */
  list(): CircuitView[] {
    return [...this.circuits.keys()].map((endpoint) => this.view(endpoint));
  }

  private circuit(endpoint: string): Circuit {
    const key = endpointKey(endpoint);
    let circuit = this.circuits.get(key);
    if (!circuit) {
      const policy = circuitBreaker(
        handleWhen((err) => err instanceof TradeError && err.retryable),
        {
          halfOpenAfter: this.settings.halfOpenAfterMs,
          breaker: new ConsecutiveBreaker(this.settings.failures),
        },
      );
      const created: Circuit = { policy };
      policy.onBreak(() => (created.openedAt = this.now()));
      policy.onReset(() => (created.openedAt = undefined));
      this.circuits.set(key, created);
      circuit = created;
    }
    return circuit;
  }
}

/** An endpoint is a base URL without its query: `https://api.carrier.example/v2`. */
export function endpointKey(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}

/** The breakers of every partner endpoint this process calls. */
export const partnerCircuits = new CircuitBreakers();
