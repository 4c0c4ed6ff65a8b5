import { parentPort } from 'node:worker_threads';
import { validateDocument } from '../../core/model/documents';
import { gatewayFormatRegistry } from '../connectors/format-registry';
import { lenientRegistry, registryForChecks } from '../../mappings/pipeline/lenient-registry';
import { translate } from '../../mappings/pipeline/translate';
import type { TranslateJob } from './translate-pool';

// One registry per worker, built once from the connector registry as the gateway builds its own; a large message is parsed and mapped here, off the
// thread that serves HTTP and health.
const registry = gatewayFormatRegistry();
// The partner's envelope checks choose the registry here as in process: a large message from a
// lenient partner is read as leniently as a small one.
const registries = { strict: registry, lenient: lenientRegistry(registry) };

parentPort!.on('message', (job: TranslateJob) => {
  try {
    const translation = translate(Buffer.from(job.raw), {
      registry: registryForChecks(job.context.checks, registries),
      context: job.context,
      hints: job.hints,
      validate: (type, payload) => validateDocument(type, payload),
      requireMapping: true,
    });
    // The syntax trees stay here: the normalizer needs the documents, and copying a tree of
    // 800k segments back would cost the main thread what the worker saved it.
    for (const m of translation.messages) m.decoded = { ...m.decoded, tree: undefined };
    parentPort!.postMessage({ id: job.id, translation });
  } catch (err) {
    parentPort!.postMessage({
      id: job.id,
      error: err instanceof Error ? err.message : String(err),
    });
  }
});
