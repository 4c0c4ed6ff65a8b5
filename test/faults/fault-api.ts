import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import type { FaultContext } from './fault-scenarios';

/**
 * The API-polling partner of the load: a carrier's DCSA T&T 2.2 API, stood in for by a tiny
 * local HTTP server (a third party's, so no real one is needed), polled every second by the
 * gateway's bull schedule. Events are added as orders flow, one per 25 orders; the API pages
 * them five at a time with a Next-Page cursor. `repeatPages` makes it answer its last page
 * with events again (the same body, the same cursor), as an API behind a stale cache does.
 */
export const API_CARRIER_ID = 'faults-api-carrier';
const PAGE = 5;
const SINCE = '2026-01-01T00:00:00Z';

export interface TntApi {
  url: string;
  /** Adds one event of `run`; returns its eventID. */
  addEvent(run: string): string;
  /** Answers the next `n` requests with the last page that had events. */
  repeatPages(n: number): void;
  /** Pages answered twice so far. */
  repeated: number;
  /** eventIDs of `run`, in order. */
  eventsOf(run: string): string[];
  close(): Promise<void>;
}

interface TntEvent {
  run: string;
  body: Record<string, unknown>;
}

export async function startTntApi(): Promise<TntApi> {
  const events: TntEvent[] = [];
  let toRepeat = 0;
  let last: { body: string; next?: string } | undefined;
  const api = {
    url: '',
    repeated: 0,
    addEvent: (run: string) => {
      const eventID = randomUUID();
      const created = new Date(Date.parse(SINCE) + (events.length + 1) * 1000).toISOString();
      events.push({ run, body: tntEvent(eventID, created) });
      return eventID;
    },
    repeatPages: (n: number) => void (toRepeat += n),
    eventsOf: (run: string) =>
      events.filter((e) => e.run === run).map((e) => String(e.body.eventID)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((request, response) => {
    // The last page with events, again (its body and its cursor), whatever was asked.
    if (toRepeat > 0 && last) {
      toRepeat--;
      api.repeated++;
      return answer(response, last.body, last.next);
    }
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    const since = query.get('eventCreatedDateTime:gt') ?? SINCE;
    const cursor = query.get('cursor');
    const start = cursor
      ? Number(cursor)
      : events.findIndex((e) => String(e.body.eventCreatedDateTime) > since);
    const from = start < 0 ? events.length : start;
    const page = events.slice(from, from + PAGE).map((e) => e.body);
    const next = from + PAGE < events.length ? String(from + PAGE) : undefined;
    const body = JSON.stringify(page);
    if (page.length > 0) last = { body, next };
    answer(response, body, next);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tnt/v2`;
  return api;
}

function answer(response: http.ServerResponse, body: string, next?: string): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (next) headers['Next-Page'] = next;
  response.writeHead(200, headers).end(body);
}

// A gate-out of a laden container at Yantian, as DCSA T&T 2.2 writes an equipment event.
function tntEvent(eventID: string, created: string): Record<string, unknown> {
  return {
    eventID,
    eventCreatedDateTime: created,
    eventType: 'EQUIPMENT',
    eventClassifierCode: 'ACT',
    eventDateTime: created.replace('Z', '+00:00'),
    equipmentEventTypeCode: 'GTOT',
    equipmentReference: 'MSKU7265310',
    ISOEquipmentCode: '22G1',
    emptyIndicatorCode: 'LADEN',
    eventLocation: {
      locationName: 'Yantian International Container Terminals',
      UNLocationCode: 'CNYTN',
    },
    documentReferences: [{ documentReferenceType: 'BKG', documentReferenceValue: 'OCN2611045' }],
  };
}

export function apiCarrierYaml(api: TntApi): string {
  return `id: ${API_CARRIER_ID}
name: Fault suite API carrier
kind: carrier
connector: carrier-dcsa
enabled: true
clients: [nbhs]
identifiers:
  - { scheme: SMDG, value: FLTC }
formats:
  - { format: json, messageType: dcsa.tnt.events, mapping: dcsa-tnt-events, direction: in }
transports:
  - kind: dcsa-tnt
    direction: in
    tntVersion: '2.2'
    mode: poll
    baseUrl: '${api.url}'
    since: '${SINCE}'
    limit: ${PAGE}
    pollIntervalSec: 1
`;
}

/**
 * Per eventID of the run: original pages holding it, handlings of its documents by the
 * timeline, and its timeline source rows (the effect). A page the API answered again is a
 * duplicate; a page that overlaps one stored before (the cursor not saved when the database
 * went away) is a new page, its events normalized again and absorbed by the timeline's source
 * key: the effect, not the document count, is what must be once.
 */
export interface ApiCounts {
  pages: Map<string, number>;
  handled: Map<string, number>;
  effects: Map<string, number>;
  /** Identical pages stored as originals more than once (the intake's dedupe failed). */
  pagesTwice: number;
}

export async function apiCounts(pool: Pool, ids: readonly string[]): Promise<ApiCounts> {
  const wanted = new Set(ids);
  const { rows } = await pool.query<{ raw: string; ref: string | null; handled: number }>(
    `SELECT convert_from(pl.raw, 'UTF8') AS raw, m.partner_ref AS ref,
            (SELECT count(*) FROM documents d JOIN processed_envelopes p
                 ON p.envelope_id = d.id AND p.consumer = 'logistics-timeline'
              WHERE d.message_id = m.id)::int AS handled
       FROM messages m JOIN message_payloads pl ON pl.message_id = m.id
      WHERE m.partner_id = $1 AND m.direction = 'in' AND m.duplicate_of IS NULL`,
    [API_CARRIER_ID],
  );
  const counts: ApiCounts = {
    pages: new Map(),
    handled: new Map(),
    effects: new Map(),
    pagesTwice: 0,
  };
  const add = (map: Map<string, number>, id: string, n: number) =>
    map.set(id, (map.get(id) ?? 0) + n);
  const refs = new Set<string>();
  for (const row of rows) {
    const page = (JSON.parse(row.raw) as Array<{ eventID: string }>).map((e) => e.eventID);
    if (!page.some((id) => wanted.has(id))) continue;
    if (row.ref && refs.has(row.ref)) counts.pagesTwice++;
    if (row.ref) refs.add(row.ref);
    // One document per event: all handled, or none (one transaction per batch).
    const all = row.handled >= page.length;
    for (const id of page.filter((i) => wanted.has(i))) {
      add(counts.pages, id, 1);
      add(counts.handled, id, all ? 1 : 0);
    }
  }
  const effects = await pool.query<{ id: string; n: number }>(
    `SELECT source_event_id AS id, count(*)::int AS n FROM logistics_timeline_sources
      WHERE partner_id = $1 AND source_event_id = ANY($2::text[]) GROUP BY 1`,
    [API_CARRIER_ID, ids],
  );
  for (const { id, n } of effects.rows) counts.effects.set(id, n);
  return counts;
}

/** Events of the run each handled (at least once) by the timeline. */
export async function apiEventsHandled(pool: Pool, ids: readonly string[]): Promise<number> {
  const counts = await apiCounts(pool, ids);
  return [...counts.handled.values()].filter((n) => n >= 1).length;
}

/**
 * The carrier's API answers ten requests with a page it answered before (the same body and
 * cursor), as a partner behind a stale cache does: each repeat is stored as a duplicate and
 * its events are handled once.
 */
export async function duplicatePages(ctx: FaultContext): Promise<void> {
  const { api } = ctx.services;
  const wanted = api.repeated + 10;
  api.repeatPages(10);
  const until = Date.now() + 30_000;
  while (api.repeated < wanted) {
    if (Date.now() > until) throw new Error(`only ${api.repeated} pages were asked for twice`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
