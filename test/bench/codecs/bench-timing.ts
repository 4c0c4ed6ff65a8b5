import { performance } from 'node:perf_hooks';

/** Best wall time in ms of `runs` runs after one warm-up; `fn` returns a count to keep it honest. */
export function bestOf(runs: number, fn: () => number): { ms: number; count: number } {
  let count = fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    count = fn();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, count };
}

export const mb = (bytes: number) => bytes / (1024 * 1024);
export const round = (n: number, digits = 2) => Number(n.toFixed(digits));
