// The operator API, called with the key kept in sessionStorage (gone when the tab closes).
const KEY = 'tradehub.apiKey';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key: string) => {
    sessionStorage.setItem(KEY, key);
    // bull-board's page (same sign-in) cannot send a header: a session cookie for its path only.
    document.cookie = `tradehub_key=${encodeURIComponent(key)}; path=/console/queues; SameSite=Strict`;
  },
  signOut: () => {
    sessionStorage.removeItem(KEY);
    document.cookie = 'tradehub_key=; path=/console/queues; max-age=0';
  },
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('x-api-key', session.key() ?? '');
  if (init.body) headers.set('content-type', 'application/json');
  const response = await fetch(path, { ...init, headers });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const message = (body as { message?: unknown } | undefined)?.message;
    throw new ApiError(
      response.status,
      typeof message === 'string' ? message : response.statusText,
    );
  }
  return body as T;
}

/** Reads a server-sent event stream with fetch (EventSource cannot send the key header). */
export function subscribe(
  path: string,
  onEvent: (event: string, data: unknown) => void,
): () => void {
  const aborter = new AbortController();
  void (async () => {
    const response = await fetch(path, {
      headers: { 'x-api-key': session.key() ?? '' },
      signal: aborter.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) onEvent(event, JSON.parse(data));
      }
    }
  })().catch(() => undefined);
  return () => aborter.abort();
}

export interface Me {
  name: string;
  role: 'viewer' | 'operator' | 'admin';
  clientId: string | null;
}

export interface MessageRow {
  id: string;
  direction: 'in' | 'out';
  partnerId: string;
  messageType: string | null;
  format: string | null;
  state: string;
  receivedAt: string;
  lastError: { message?: string; location?: Location } | null;
}

export interface Location {
  segmentIndex?: number;
  segmentTag?: string;
  line?: number;
  offset?: number;
  fieldTag?: string;
  xpath?: string;
}

export interface Counts {
  perMinute: Array<{
    minute: string;
    partnerId: string;
    messageType: string | null;
    state: string;
    count: number;
  }>;
  states: Record<string, number>;
  deadLetters: number;
  outboxLagSeconds: number;
}

export interface Backlogs {
  at: string;
  queues: Array<{ name: string; messages: number; consumers: number }>;
  jobs: Array<{
    name: string;
    counts: { waiting: number; active: number; delayed: number; failed: number } | null;
  }>;
  outbox: { pending: number; oldestAgeSeconds: number };
  inbox: { pending: number; retrying: number; oldestAgeSeconds: number };
}
