import type { ScenarioResult } from './fault-runner';

const seconds = (ms: number | null) => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);

/** The suite's result as a Markdown table, one row per scenario (orders and files together). */
export function formatTable(results: ScenarioResult[]): string {
  const head = ['scenario', 'sent', 'stored', 'processed once', 'lost', 'doubled', 'stuck'];
  const rows = results.map((r) => [
    r.scenario,
    r.sent,
    r.stored,
    r.processedOnce,
    r.lost,
    r.doubled,
    r.stuck,
    seconds(r.faultMs),
    seconds(r.recoverMs),
    r.gatewayExits,
    `${r.refused}/${r.badRefusals}`,
    `${r.filesOnce}/${r.files}`,
    `${r.apiEventsOnce}/${r.apiEvents}`,
    r.settled ? 'yes' : 'NO',
  ]);
  const all = [
    [
      ...head,
      'fault lasted',
      'time to recover',
      'gateway exits',
      '503/bad 5xx',
      'files once',
      'API events once',
      'drained',
    ],
    ...rows,
  ].map((row) => row.map(String));
  const widths = all[0].map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(all[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...all.slice(1).map(line),
    ...results.filter((r) => r.faultError).map((r) => `${r.scenario}: ${r.faultError}`),
  ].join('\n');
}

export const clean = (r: ScenarioResult) =>
  !r.faultError &&
  r.settled &&
  r.lost === 0 &&
  r.doubled === 0 &&
  r.stuck === 0 &&
  r.badRefusals === 0 &&
  r.processedOnce === r.acked;
