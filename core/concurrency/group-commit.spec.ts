import { GroupCommit } from './group-commit';

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('runs a lone item at once and groups what arrives meanwhile', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const group = new GroupCommit<number, number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items.map((i) => i * 10);
      },
      { max: 3, concurrency: 1 },
    );
    const first = group.submit(1);
    await tick();
    const rest = [2, 3, 4, 5].map((i) => group.submit(i));
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('fails every item of a failed batch, and only those', async () => {
    const group = new GroupCommit<number, number>(
      async (items) => {
        if (items.includes(2)) throw new Error('boom');
        return items;
      },
      { max: 1, concurrency: 2 },
    );
    const results = await Promise.allSettled([group.submit(1), group.submit(2), group.submit(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
