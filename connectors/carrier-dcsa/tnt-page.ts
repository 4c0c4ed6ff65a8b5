import { createHash } from 'node:crypto';
import type { PartnerResponse } from '../transports/http/partner-http.client';

import { isObject as isObj, peekJson } from '../transports/http/json-peek';

type Obj = Record<string, unknown>;

export interface TntPage {
  /** Events on the page; -1 when the body could not be read (stored anyway, for operators). */
  eventCount: number;
  nextCursor?: string;
  /** The newest creation (2.2) or update (3.0) time on the page, as the carrier wrote it. */
  newest?: string;
  /** Names the page's content: event ids with their creation/update times. */
  partnerRef?: string;
}

/** The events of a T&T body: a 2.2 array, a 3.0 `{ events }`, or undefined when neither. */
export function tntEvents(value: unknown): Obj[] | undefined {
  const list = Array.isArray(value) ? value : isObj(value) ? value.events : undefined;
  return Array.isArray(list) ? list.filter(isObj) : undefined;
}

/** What the poller needs from one GET /events answer. */
export function readTntPage(response: PartnerResponse): TntPage {
  const nextCursor = nextCursorOf(response.headers);
  const events = tntEvents(peekJson(response.text));
  if (!events) return { eventCount: -1, nextCursor };
  return {
    eventCount: events.length,
    nextCursor,
    newest: newestOf(events),
    partnerRef: tntRef(events),
  };
}

/**
 * The next page's cursor: `Next-Page-Cursor` (3.0), `Next-Page` (2.2: a cursor or a link
 * carrying one), or a `Link: <...>; rel="next"` header.
 */
export function nextCursorOf(headers: Record<string, string>): string | undefined {
  const direct = headers['next-page-cursor'] ?? headers['next-page'];
  const link = headers.link?.match(/<([^>]+)>\s*;\s*rel="?next"?/i)?.[1];
  const value = (direct ?? link)?.trim();
  if (!value) return undefined;
  if (!/^(https?:\/\/|\/)/i.test(value)) return value;
  return new URL(value, 'http://localhost').searchParams.get('cursor') ?? undefined;
}

/** `tnt:` + hash of event ids and their times; undefined when an event has no id. */
export function tntRef(events: Obj[]): string | undefined {
  const keys: string[] = [];
  for (const e of events) {
    if (typeof e.eventID !== 'string') return undefined;
    keys.push(`${e.eventID}@${timeOf(e) ?? ''}`);
  }
  if (keys.length === 0) return undefined;
  return `tnt:${createHash('sha256').update(keys.sort().join('\n')).digest('hex').slice(0, 40)}`;
}

function timeOf(e: Obj): string | undefined {
  const t = e.eventUpdatedDateTime ?? e.eventCreatedDateTime;
  return typeof t === 'string' ? t : undefined;
}

function newestOf(events: Obj[]): string | undefined {
  let newest: string | undefined;
  for (const e of events) {
    const t = timeOf(e);
    if (t && !Number.isNaN(Date.parse(t)) && (!newest || Date.parse(t) > Date.parse(newest)))
      newest = t;
  }
  return newest;
}

/** The later of two instants written as ISO 8601 (either may be missing). */
export function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
