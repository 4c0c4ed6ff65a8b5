import { parseArgs } from 'node:util';
import type { BenchLine } from './bench-line';
import { runBarePipeline } from './pipeline/bare.bench';
import { runGatewayPipeline } from './pipeline/gateway.bench';
import { runSearchBench } from './search/search.bench';
import { runBareWebhook, runGatewayWebhook } from './pipeline/webhook.bench';

// `npm run bench [-- --messages 20000 --concurrency 64 --processes 2 (or a list: 1,2,4)
//   --handlers commerce,delivery --only pipeline|codecs|search|webhook --search-rows 1000000]`
//   (search seeds that many messages by SQL: test/bench/search/seed-store.ts; --handlers is the
//   gateways' HANDLERS, to compare runs doing the same domain work).
// Figures are reported as ratios to a baseline measured in the same run, never as absolutes
// to compare across machines.
const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '64' },
    processes: { type: 'string', default: '2' },
    only: { type: 'string' },
    'search-rows': { type: 'string', default: '1000000' },
    handlers: { type: 'string' },
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
  // A list of process counts is the scale-out table: every row against the one baseline.
  const processCounts = values.processes.split(',').map(Number);
  process.stdout.write(
    `pipeline: ${count} messages of ~1 KB, ${concurrency} in flight, ${processCounts.join(' / ')} gateway processes\n`,
  );
  const bare = await runBarePipeline(count, concurrency);
  const rows: Record<string, string | number>[] = [
    {
      name: 'bare pipeline (INSERT + confirmed publish)',
      'msg/s': Math.round(bare.perSecond),
      // Blank cells keep the columns in the gateway rows' order.
      'p50 ms': '',
      'p99 ms': '',
      'CPU ms/msg': '',
      'machine CPU ms/msg': bare.machineCpuMsPerMessage?.toFixed(2) ?? 'n/a',
    },
  ];
  let ratio = 0;
  for (const processes of processCounts) {
    const gateway = await runGatewayPipeline(count, concurrency, processes, values.handlers);
    ratio = gateway.perSecond / bare.perSecond;
    rows.push({
      name: `gateway x${processes} HTTP -> store -> normalize -> publish -> handler`,
      'msg/s': Math.round(gateway.perSecond),
      'p50 ms': Math.round(gateway.p50Ms),
      'p99 ms': Math.round(gateway.p99Ms),
      'CPU ms/msg': gateway.cpuMsPerMessage?.toFixed(2) ?? 'n/a',
      'machine CPU ms/msg': gateway.machineCpuMsPerMessage?.toFixed(2) ?? 'n/a',
      ratio: ratio.toFixed(2),
    });
  }
  console.table(rows);
  // The `ratio:` line is the last row's (one process count: that run's).
  return ratio;
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
