import Decimal from 'decimal.js';
import type { Money } from '../../../../core/model/values/money.schema';
import type { MeteredFee } from './metering';

export interface Statement {
  clientId: string;
  /** YYYY-MM. */
  month: string;
  lines: MeteredFee[];
  /** Per currency, and per service within it. */
  totals: Money[];
  byService: Array<{ service: string; total: Money; count: number }>;
}

function sums<K>(lines: readonly MeteredFee[], key: (l: MeteredFee) => K): Map<K, Decimal> {
  const out = new Map<K, Decimal>();
  for (const l of lines) out.set(key(l), (out.get(key(l)) ?? new Decimal(0)).plus(l.fee.amount));
  return out;
}

/** The month's metered fees of a client, in the order they happened, with their sums. */
export function buildStatement(
  clientId: string,
  month: string,
  fees: readonly MeteredFee[],
): Statement {
  const lines = fees
    .filter((f) => f.occurredAt.slice(0, 7) === month)
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const totals = [...sums(lines, (l) => l.fee.currency)].map(([currency, d]) => ({
    amount: d.toFixed(2),
    currency,
  }));
  const counts = new Map<string, number>();
  lines.forEach((l) =>
    counts.set(
      `${l.service}|${l.fee.currency}`,
      (counts.get(`${l.service}|${l.fee.currency}`) ?? 0) + 1,
    ),
  );
  const byService = [...sums(lines, (l) => `${l.service}|${l.fee.currency}`)].map(([k, d]) => {
    const [service = '', currency = ''] = k.split('|');
    return { service, total: { amount: d.toFixed(2), currency }, count: counts.get(k) ?? 0 };
  });
  return { clientId, month, lines, totals, byService };
}

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV of the statement: one row per metered fee, then one TOTAL row per currency. */
export function statementCsv(s: Statement): string {
  const rows = [
    ['occurredAt', 'service', 'ref', 'basis', 'amount', 'currency'],
    ...s.lines.map((l) => [l.occurredAt, l.service, l.ref, l.basis, l.fee.amount, l.fee.currency]),
    ...s.totals.map((t) => ['', 'TOTAL', '', '', t.amount, t.currency]),
  ];
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
