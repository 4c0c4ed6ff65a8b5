const LIMIT = 300;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * A short, readable text of a partner's error answer for the state history: the DCSA error
 * body (`statusCodeMessage` + `errors[]` with property and message; T&T 3.0
 * `feedbackElements[]`), a 4PX-style `{ result: "0", msg, errors }`, an OAuth2
 * `error_description`, else the body itself, cut to a few hundred characters.
 */
export function summarizeErrorBody(body: unknown): string {
  const value = parseMaybe(body);
  if (!isObj(value)) return clip(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
  const parts = [
    text(value.statusCodeMessage),
    text(value.msg ?? value.message),
    text(value.error_description ?? (typeof value.error === 'string' ? value.error : '')),
    ...list(value.errors).map(detail),
    ...list(value.feedbackElements).map(detail),
  ].filter((p) => p !== '');
  return clip(parts.length > 0 ? parts.join('; ') : JSON.stringify(value));
}

function detail(item: unknown): string {
  if (!isObj(item)) return text(item);
  const where = text(item.property ?? item.jsonPath ?? item.propertyPath ?? item.field);
  const what = text(
    item.errorCodeMessage ?? item.message ?? item.errorCodeText ?? item.error_msg ?? item.msg,
  );
  const code = text(item.errorCode ?? item.code ?? item.error_code ?? item.severity);
  return [code && `[${code}]`, where && `${where}:`, what].filter(Boolean).join(' ');
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function parseMaybe(body: unknown): unknown {
  const raw = Buffer.isBuffer(body) ? body.toString('utf8') : body;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function clip(s: string): string {
  return s.length > LIMIT ? `${s.slice(0, LIMIT)}…` : s;
}
