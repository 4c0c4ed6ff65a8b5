// Deletes the queues and exchanges that test and benchmark runs declare under their own
// namespaces (`t-<id>-`, `bench-<id>-`) and left behind when a run was killed. Each quorum
// queue holds file handles in the broker; a few hundred leftovers exhaust its default limit
// of 1024 and the broker stops accepting connections. Run by .ci/run before the tests, when
// no other test run shares the broker.
'use strict';
const { execFileSync } = require('node:child_process');
const amqp = require('amqplib');

const TEST_NAMESPACE = /^(t|bench)-[0-9a-f]{6,}-/;

function listed(kind) {
  const out = execFileSync('rabbitmqctl', ['-q', `list_${kind}`, 'name'], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter((name) => TEST_NAMESPACE.test(name));
}

async function main() {
  const queues = listed('queues');
  const exchanges = listed('exchanges');
  const connection = await amqp.connect(
    process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  );
  const channel = await connection.createChannel();
  for (const queue of queues) await channel.deleteQueue(queue);
  for (const exchange of exchanges) await channel.deleteExchange(exchange);
  await connection.close();
  console.log(
    `[ci] removed ${queues.length} queues and ${exchanges.length} exchanges left by earlier test runs`,
  );
}

main().catch((err) => {
  // Housekeeping only: a broker that cannot be listed fails the tests on its own, more clearly.
  console.error(`[ci] could not purge test namespaces: ${err.message}`);
});
