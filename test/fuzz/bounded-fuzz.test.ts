import path from 'node:path';
import fc from 'fast-check';
import { applyPlan, planArbitrary } from './mutate';
import { loadSeeds } from './seeds';
import { FuzzTarget, signature } from './target';

// The bounded run of the fuzz suite (`npm run fuzz` is the long one, see ADR 0011): mutated
// golden files through detect() and translate(), strict and lenient, with a fixed seed so a
// failure reproduces. Every input must end in results or located errors.
const seeds = loadSeeds(path.resolve(__dirname, '../..'));
const bytes = seeds.map((s) => s.bytes);
const target = new FuzzTarget();

describe('translate() under mutation fuzzing (bounded run)', () => {
  it('has golden seeds of every codec family to mutate', () => {
    const formats = new Set(seeds.map((s) => target.run(s.bytes).format));
    for (const f of ['edifact', 'x12', 'swift-mt', 'xml', 'iso20022', 'cn-customs', 'json'])
      expect(formats).toContain(f);
  });

  it('gives every mutated input results or located errors', () => {
    fc.assert(
      fc.property(planArbitrary(bytes.length), (plan) => {
        const faults = target.run(applyPlan(plan, bytes)).faults.map(signature);
        expect(faults).toEqual([]);
      }),
      { seed: 20261206, numRuns: 3000, endOnFailure: true },
    );
  });
});
