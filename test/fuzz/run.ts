import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { gatewayFormatRegistry } from '../../gateway/connectors/format-registry';
import { applyPlan, planArbitrary } from './mutate';
import { loadSeeds, type Seed } from './seeds';
import { signature, type Outcome } from './target';

// `npm run fuzz [-- --per-codec 20000 --seconds 600 --seed 42 --timeout-ms 1000 --out dir]`.
// Mutates the repository's golden files and runs each input through detect() and translate()
// in a worker thread; an input that takes over --timeout-ms (plus 1 s per MB of input for each of the three
// passes) is a hang, one that exhausts the
// worker's heap (--max-memory-mb) a memory fault. Exit status 1 when any fault was found.
const { values } = parseArgs({
  options: {
    'per-codec': { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '0' },
    seed: { type: 'string', default: '20261206' },
    'timeout-ms': { type: 'string', default: '1000' },
    'max-memory-mb': { type: 'string', default: '512' },
    codec: { type: 'string' },
    out: { type: 'string', default: 'fuzz-findings' },
  },
});

interface Tally {
  inputs: number;
  faults: number;
  hangs: number;
  memory: number;
  bySignature: Map<string, { count: number; example: string }>;
}

/** The repository root, from dist/test/fuzz where the build puts this file. */
const ROOT = path.resolve(__dirname, '../../..');
const BATCH = 250;

class WorkerRunner {
  private worker!: Worker;

  constructor(
    private readonly timeoutMs: number,
    private readonly memoryMb: number,
  ) {}

  async start(): Promise<void> {
    this.worker = new Worker(path.join(__dirname, 'worker.js'), {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    await new Promise<void>((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
  }

  /** The input's outcome, or 'hang' / 'memory' when the worker had to be replaced. */
  async run(input: Buffer): Promise<Outcome | 'hang' | 'memory'> {
    const worker = this.worker;
    const result = await new Promise<Outcome | 'hang' | 'memory'>((resolve) => {
      // A large input may take longer than a small one, but not more than 1 s per MB per pass (three passes).
      const allowance = this.timeoutMs + Math.ceil((input.length / 1e6) * 3000);
      // A hang is measured in CPU time, not wall time: a process stopped (SIGSTOP) or starved
      // on a loaded machine makes no progress and spends no CPU, and it is not the parser's
      // fault. While this thread waits, the process's CPU is the worker's. The code under test
      // is synchronous and touches no I/O, so a worker that does not answer is spending CPU.
      const cpuAtStart = process.cpuUsage();
      let timer: NodeJS.Timeout;
      const check = () => {
        const spent = process.cpuUsage(cpuAtStart);
        const cpuMs = (spent.user + spent.system) / 1000;
        if (cpuMs >= allowance) resolve('hang');
        else timer = setTimeout(check, Math.max(50, allowance - cpuMs));
      };
      timer = setTimeout(check, allowance);
      const done = (r: Outcome | 'hang' | 'memory') => {
        clearTimeout(timer);
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
        resolve(r);
      };
      worker.once('message', (o: Outcome) => done(o));
      worker.once('error', () => done('memory'));
      worker.postMessage(input);
    });
    if (typeof result === 'string') {
      await worker.terminate();
      await this.start();
    }
    return result;
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

function familyOf(seeds: Seed[]): Map<string, number[]> {
  const registry = gatewayFormatRegistry();
  const families = new Map<string, number[]>();
  seeds.forEach((seed, i) => {
    let format: string;
    try {
      format = registry.detect(seed.bytes)?.format ?? 'unrecognised';
    } catch {
      format = 'detect-error';
    }
    families.set(format, [...(families.get(format) ?? []), i]);
  });
  return families;
}

async function main(): Promise<number> {
  const seeds = loadSeeds(ROOT);
  const bytes = seeds.map((s) => s.bytes);
  const families = familyOf(seeds);
  const perCodec = Number(values['per-codec']);
  const deadline =
    Number(values.seconds) > 0 ? Date.now() + Number(values.seconds) * 1000 : Infinity;
  const out = path.resolve(values.out);
  const runner = new WorkerRunner(Number(values['timeout-ms']), Number(values['max-memory-mb']));
  await runner.start();
  const tallies = new Map<string, Tally>();
  const started = Date.now();
  const chosen = [...families].filter(([f]) => !values.codec || f === values.codec);
  process.stderr.write(
    `fuzz: ${seeds.length} seeds (${chosen.map(([f, s]) => `${f} ${s.length}`).join(', ')}), seed ${values.seed}\n`,
  );
  let batch = 0;
  // Round-robin over the families so a time-bounded run still covers every codec.
  while (Date.now() < deadline) {
    const open = chosen.filter(([f]) => (tallies.get(f)?.inputs ?? 0) < perCodec);
    if (open.length === 0) break;
    for (const [family, members] of open) {
      const tally = tallies.get(family) ?? newTally();
      tallies.set(family, tally);
      const arb = planArbitrary(members.length).map((p) => ({ ...p, seed: members[p.seed] }));
      const plans = fc.sample(arb, { seed: Number(values.seed) + batch++, numRuns: BATCH });
      for (const plan of plans) {
        if (tally.inputs >= perCodec || Date.now() >= deadline) break;
        const input = applyPlan(plan, bytes);
        tally.inputs++;
        const result = await runner.run(input);
        record(tally, result, input, plan, out);
      }
    }
    progress(tallies, started);
  }
  await runner.stop();
  return report(tallies, started);
}

function newTally(): Tally {
  return { inputs: 0, faults: 0, hangs: 0, memory: 0, bySignature: new Map() };
}

function record(
  tally: Tally,
  result: Outcome | 'hang' | 'memory',
  input: Buffer,
  plan: unknown,
  out: string,
): void {
  const faults =
    result === 'hang' || result === 'memory'
      ? [result === 'hang' ? 'hang: no answer within the timeout' : 'memory: worker out of heap']
      : result.faults.map(signature);
  if (result === 'hang') tally.hangs++;
  if (result === 'memory') tally.memory++;
  if (faults.length === 0) return;
  tally.faults++;
  for (const sig of new Set(faults)) {
    const known = tally.bySignature.get(sig);
    if (known) {
      known.count++;
      continue;
    }
    mkdirSync(out, { recursive: true });
    const example = path.join(out, `fault-${tally.bySignature.size + 1}-${Date.now()}.bin`);
    writeFileSync(example, input);
    writeFileSync(`${example}.plan.json`, JSON.stringify({ sig, plan }, null, 2));
    tally.bySignature.set(sig, { count: 1, example });
  }
}

function progress(tallies: Map<string, Tally>, started: number): void {
  const parts = [...tallies].map(([f, t]) => `${f} ${t.inputs}/${t.faults}`);
  process.stderr.write(`fuzz ${Math.round((Date.now() - started) / 1000)}s: ${parts.join(', ')}\n`);
}

function report(tallies: Map<string, Tally>, started: number): number {
  let faults = 0;
  for (const [family, t] of tallies) {
    faults += t.faults;
    const line = {
      codec: family,
      inputs: t.inputs,
      faultyInputs: t.faults,
      hangs: t.hangs,
      memory: t.memory,
      causes: [...t.bySignature].map(([sig, v]) => ({ sig, count: v.count, example: v.example })),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  const total = [...tallies.values()].reduce((n, t) => n + t.inputs, 0);
  process.stdout.write(
    `fuzz: ${total} inputs in ${Math.round((Date.now() - started) / 1000)} s, ${faults} faulty\n`,
  );
  return faults === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`fuzz: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(2);
  },
);
