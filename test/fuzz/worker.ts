import { parentPort } from 'node:worker_threads';
import { FuzzTarget } from './target';

/** Worker side of the runner: one input in, its outcome out, so the parent can time it. */
const target = new FuzzTarget();
parentPort?.on('message', (input: Uint8Array) => {
  const outcome = target.run(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  parentPort?.postMessage(outcome);
});
parentPort?.postMessage('ready');
