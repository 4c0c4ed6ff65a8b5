import { parseArgs } from 'node:util';
import type { BenchLine } from './bench-line';
import { runBarePipeline } from './pipeline/bare.bench';
import { runGatewayPipeline } from './pipeline/gateway.bench';
import { runSearchBench } from './search/search.bench';
import { runBareWebhook, runGatewayWebhook } from './pipeline/webhook.bench';

// `npm run bench [-- --messages 20000 --concurrency 64 --processes 2
//   --only pipeline|codecs|search|webhook --search-rows 1000000]` (search seeds that many messages
//   by SQL: test/bench/search/seed-store.ts).
// Figures are reported as ratios to a baseline measured in the same run, never as absolutes
// to compare across machines.
const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '64' },
    processes: { type: 'string', default: '2' },
    only: { type: 'string' },
    'search-rows': { type: 'string', default: '1000000' },
  },
});

async function codecs(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const name of ['edifact', 'x12', 'swift-mt', 'xml']) {
    const bench = (await import(`./codecs/${name}.bench`)) as { run(): Promise<BenchLine[]> };
    lines.push(...(await bench.run()));
  }
  return lines;
}

/** Three significant digits are all a shared machine's figures can carry. */
function rounded(line: BenchLine): BenchLine {
  const r = (n: number) => Number(n.toPrecision(3));
  const out: BenchLine = { ...line, value: r(line.value) };
  if (line.baseline !== undefined) out.baseline = r(line.baseline);
  if (line.ratio !== undefined) out.ratio = r(line.ratio);
  return out;
}

async function pipeline(): Promise<number> {
  const count = Number(values.messages);
  const concurrency = Number(values.concurrency);
  const processes = Number(values.processes);
  process.stdout.write(
    `pipeline: ${count} messages of ~1 KB, ${concurrency} in flight, ${processes} gateway processes\n`,
  );
  const bare = await runBarePipeline(count, concurrency);
  const gateway = await runGatewayPipeline(count, concurrency, processes);
  console.table([
    { name: 'bare pipeline (INSERT + confirmed publish)', 'msg/s': Math.round(bare.perSecond) },
    {
      name: 'gateway HTTP -> store -> normalize -> publish -> handler',
      'msg/s': Math.round(gateway.perSecond),
      'p50 ms': Math.round(gateway.p50Ms),
      'p99 ms': Math.round(gateway.p99Ms),
    },
  ]);
  return gateway.perSecond / bare.perSecond;
}

/** Signed Shopee pushes acknowledged by the gateway, beside a bare verify-and-insert server. */
async function webhook(): Promise<void> {
  const count = Math.min(Number(values.messages), 5000);
  const concurrency = Number(values.concurrency);
  process.stdout.write(`webhook: ${count} signed Shopee pushes, ${concurrency} in flight\n`);
  const bare = await runBareWebhook(count, concurrency);
  const gateway = await runGatewayWebhook(count, concurrency);
  console.table([
    {
      name: 'bare Node: verify + INSERT',
      'req/s': Math.round(bare.perSecond),
      'p99 ms at half rate': Math.round(bare.p99HalfRateMs),
    },
    {
      name: 'gateway /inbound (verify, store, ack)',
      'req/s': Math.round(gateway.perSecond),
      'p99 ms at half rate': Math.round(gateway.p99HalfRateMs),
    },
  ]);
  process.stdout.write(`webhook ratio: ${(gateway.perSecond / bare.perSecond).toFixed(2)}\n`);
}

async function main(): Promise<void> {
  let ratio: number | undefined;
  const only = (part: string) => values.only === undefined || values.only === part;
  if (only('codecs')) console.table((await codecs()).map(rounded));
  if (only('search'))
    console.table((await runSearchBench(Number(values['search-rows']))).map(rounded));
  if (only('pipeline')) ratio = await pipeline();
  if (only('webhook')) await webhook();
  if (ratio !== undefined) process.stdout.write(`ratio: ${ratio.toFixed(2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
