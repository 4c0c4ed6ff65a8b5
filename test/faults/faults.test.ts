import { runScenario, startFaultGateway, type FaultGateway } from './fault-runner';
import { scenarioNamed } from './fault-scenarios';
import { startFaultServices, type FaultServices } from './fault-services';
import { formatTable } from './fault-table';

// The bounded CI version of `npm run faults`: the real gateway as a child process (ts-node, as
// nothing is built here) on the suite's own PostgreSQL, RabbitMQ node, Redis and sshd, 300
// orders (with 6 carrier files and 12 API events) per scenario with 16 in flight, one gateway
// shared by the six scenarios to keep the run short.
const MESSAGES = 300;

describe('fault suite (bounded)', () => {
  let services: FaultServices;
  let target: FaultGateway;

  beforeAll(async () => {
    services = await startFaultServices();
    target = await startFaultGateway(services);
  }, 180_000);

  afterAll(async () => {
    await target?.close();
    await services?.close();
  }, 60_000);

  it.each([
    'rabbitmq-stop-start',
    'postgres-restart-immediate',
    'duplicate-deliveries',
    'rabbitmq-queue-deleted',
    'postgres-disk-full',
    'handler-hangs',
  ])(
    '%s: every order stored and handled exactly once, nothing stuck, no crash',
    async (name) => {
      const result = await runScenario(scenarioNamed(name), services, target, {
        messages: MESSAGES,
        inFlight: 16,
        faultAt: 0.3,
        settleMs: 60_000,
      });
      process.stdout.write(`${formatTable([result])}\n`);
      // Orders plus the carrier's files (one per 50 orders) and API events (one per 25).
      const total = MESSAGES + result.files + result.apiEvents;
      expect(result.files).toBeGreaterThan(0);
      expect(result.apiEvents).toBeGreaterThan(0);
      expect({
        acked: result.acked,
        stored: result.stored,
        processedOnce: result.processedOnce,
        filesOnce: result.filesOnce,
        apiEventsOnce: result.apiEventsOnce,
        lost: result.lost,
        doubled: result.doubled,
        stuck: result.stuck,
        settled: result.settled,
        gatewayExits: result.gatewayExits,
        badRefusals: result.badRefusals,
        faultError: result.faultError,
      }).toEqual({
        acked: total,
        stored: total,
        processedOnce: total,
        filesOnce: result.files,
        apiEventsOnce: result.apiEvents,
        lost: 0,
        doubled: 0,
        stuck: 0,
        settled: true,
        gatewayExits: 0,
        badRefusals: 0,
        faultError: undefined,
      });
    },
    120_000,
  );
});
