import { parseArgs } from 'node:util';
import { runScenario, startFaultGateway, type ScenarioResult } from './fault-runner';
import { clean, formatTable } from './fault-table';
import { SCENARIOS, scenarioNamed } from './fault-scenarios';
import { startFaultServices } from './fault-services';

// `npm run faults [-- --messages 10000 --only redis-restart --in-flight 16 --settle-sec 600]`: each scenario
// gets a fresh gateway (own database, namespace, bull prefix) on the suite's own PostgreSQL,
// RabbitMQ node and Redis; the table at the end is the result. Exit code 1 when any message
// is lost, doubled or stuck, a scenario did not drain, or the gateway died by itself.
const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    'in-flight': { type: 'string', default: '16' },
    only: { type: 'string', multiple: true },
    'settle-sec': { type: 'string', default: '600' },
  },
});

const log = (line: string) => process.stderr.write(`[faults] ${line}\n`);

async function main(): Promise<void> {
  const messages = Number(values.messages);
  const scenarios = values.only?.length ? values.only.map(scenarioNamed) : SCENARIOS;
  log('starting own PostgreSQL, RabbitMQ node and Redis');
  const services = await startFaultServices();
  log(
    `postgres :${services.pg.port}, rabbitmq ${services.rabbit.nodeName} :${services.rabbit.port}, redis :${services.redis.port}`,
  );
  const results: ScenarioResult[] = [];
  // Stopped by hand: the own servers go too (the PostgreSQL server is a daemon of its own).
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void services.close().finally(() => process.exit(130)));
  try {
    for (const scenario of scenarios) {
      const target = await startFaultGateway(services);
      try {
        log(`${scenario.name}: ${messages} messages, ${values['in-flight']} in flight`);
        const result = await runScenario(scenario, services, target, {
          messages,
          inFlight: Number(values['in-flight']),
          faultAt: 0.3,
          settleMs: Number(values['settle-sec']) * 1000,
          log,
        });
        results.push(result);
        log(JSON.stringify(result));
      } finally {
        await target.close();
      }
    }
  } finally {
    await services.close();
  }
  process.stdout.write(`${formatTable(results)}\n`);
  process.exitCode = results.every(clean) ? 0 : 1;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
