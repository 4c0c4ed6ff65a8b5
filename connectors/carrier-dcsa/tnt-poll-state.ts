import type { PollStateStore } from '../../core/connector/contract';
import type { DcsaTntSettings } from './dcsa-settings.schema';

/**
 * Where a partner's T&T polling stands. Inside a page chain: the chain's lower bound
 * (`since`, kept so every page repeats the first request's query, as DCSA 3.0 asks), the
 * cursor of the next page, and the newest event time seen so far. Between chains: `since`.
 */
export interface TntPollState {
  since?: string;
  cursor?: string;
  newest?: string;
}

export const tntStateKey = (partnerId: string) => `dcsa-tnt:${partnerId}`;

export async function loadTntState(
  store: PollStateStore,
  partnerId: string,
): Promise<TntPollState> {
  const raw = await store.get(tntStateKey(partnerId));
  return raw ? (JSON.parse(raw) as TntPollState) : {};
}

export async function saveTntState(
  store: PollStateStore,
  partnerId: string,
  state: TntPollState,
): Promise<void> {
  await store.set(tntStateKey(partnerId), JSON.stringify(state));
}

/**
 * The query of a request: the configured filters, the page size, the lower bound, and the
 * cursor inside a chain. 2.2 filters on creation time with the `:gt` operator; 3.0 only has
 * an inclusive `eventUpdatedDateTimeMin`, so the bound is moved on by one millisecond.
 */
export function tntQuery(settings: DcsaTntSettings, state: TntPollState): Record<string, string> {
  const since = state.since ?? settings.since;
  const query: Record<string, string> = { ...settings.filters, limit: String(settings.limit) };
  if (since) {
    if (settings.tntVersion === '2.2') query['eventCreatedDateTime:gt'] = since;
    else query.eventUpdatedDateTimeMin = new Date(Date.parse(since) + 1).toISOString();
  }
  if (state.cursor) query.cursor = state.cursor;
  return query;
}
