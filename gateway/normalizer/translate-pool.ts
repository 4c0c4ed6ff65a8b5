import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PartnerFormat } from '../../core/partners/partner.schema';
import type { MappingContext } from '../../core/translation/contract';
import type { Translation } from '../../mappings/pipeline/translate';

export interface TranslateJob {
  id: number;
  raw: Uint8Array;
  context: MappingContext;
  hints: PartnerFormat[];
}

interface Pending {
  job: TranslateJob;
  resolve: (t: Translation) => void;
}

export interface TranslatePoolOptions {
  /** Workers, so also the number of large messages translated at once. */
  size: number;
  /** Old-generation heap cap of each worker; a message that needs more fails, the process lives. */
  memoryMb: number;
}

/**
 * Worker threads that translate large messages, bounded in number and memory. Jobs wait in
 * order for a free worker. A worker that dies (out of memory) fails its job as a located
 * rejection and is replaced.
 */
export class TranslatePool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: TranslatePoolOptions) {}

  translate(raw: Buffer, context: MappingContext, hints: PartnerFormat[]): Promise<Translation> {
    return new Promise((resolve) => {
      this.queue.push({ job: { id: this.nextId++, raw, context, hints }, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      const worker =
        this.idle.pop() ?? (this.size() < this.options.size ? this.spawn() : undefined);
      if (!worker) return;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }

  private size(): number {
    return this.idle.length + this.busy.size;
  }

  private spawn(): Worker {
    const ext = extname(__filename);
    const worker = new Worker(join(__dirname, `translate.worker${ext}`), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      // Under ts-node or Jest the worker is TypeScript too.
      execArgv: ext === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : undefined,
    });
    worker.on('message', (answer: { translation?: Translation; error?: string }) => {
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      pending?.resolve(answer.translation ?? failed(answer.error ?? 'translation failed'));
      this.dispatch();
    });
    worker.on('error', (err) => this.lost(worker, err.message));
    worker.on('exit', (code) => this.lost(worker, `worker exited with code ${code}`));
    return worker;
  }

  private lost(worker: Worker, why: string): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    pending?.resolve(
      failed(`message too large to translate within ${this.options.memoryMb} MB (${why})`),
    );
    this.dispatch();
  }
}

function failed(message: string): Translation {
  return { messages: [], errors: [{ stage: 'parse', kind: 'rejected', message }] };
}
