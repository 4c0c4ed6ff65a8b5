import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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

/** A full collection, with or without --expose-gc, so each timed run starts from a clean heap. */
export const collect: () => void = (() => {
  if (typeof global.gc !== 'function') setFlagsFromString('--expose-gc');
  const gc = (global.gc ?? runInNewContext('gc')) as () => void;
  return () => gc();
})();

/** One side of a duel: best CPU and wall time of its runs, and the heap its result holds. */
export interface DuelSide {
  /** User + system CPU time of the process (GC threads included), best run, in ms. */
  cpuMs: number;
  wallMs: number;
  /** Heap still held by the run's result after a full collection, smallest run, in MB. */
  heapMb: number;
  count: number;
}

/**
 * Times two parsers fairly: one warm-up each, then `runs` rounds that alternate which goes first,
 * each run starting after a full collection. CPU time (not wall time) is compared, so another
 * process on the machine disturbs the figures less.
 */
export function duel(
  runs: number,
  ours: () => readonly unknown[],
  bare: () => readonly unknown[],
): { ours: DuelSide; bare: DuelSide } {
  const sides = [side(ours), side(bare)];
  for (const s of sides) s.once();
  for (let round = 0; round < runs; round++) {
    const order = round % 2 === 0 ? sides : [sides[1], sides[0]];
    for (const s of order) s.once();
  }
  return { ours: sides[0].best, bare: sides[1].best };
}

function side(fn: () => readonly unknown[]): { best: DuelSide; once(): void } {
  const best: DuelSide = { cpuMs: Infinity, wallMs: Infinity, heapMb: Infinity, count: 0 };
  return {
    best,
    once() {
      collect();
      const heapBefore = process.memoryUsage().heapUsed;
      const cpu = process.cpuUsage();
      const start = performance.now();
      const result = fn();
      const wallMs = performance.now() - start;
      const used = process.cpuUsage(cpu);
      best.cpuMs = Math.min(best.cpuMs, (used.user + used.system) / 1000);
      best.wallMs = Math.min(best.wallMs, wallMs);
      collect();
      best.heapMb = Math.min(best.heapMb, mb(process.memoryUsage().heapUsed - heapBefore));
      // Read only now, so the result stays alive through the collection above.
      best.count = result.length;
    },
  };
}
