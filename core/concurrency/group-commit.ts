export interface GroupCommitOptions {
  /** Most items one batch takes. */
  max: number;
  /** Batches running at once. */
  concurrency: number;
}

interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(err: unknown): void;
}

/**
 * Group commit: items submitted while a batch is running wait and go together in the next one,
 * so one transaction (one BEGIN/COMMIT, multi-row statements) serves many callers. No timer:
 * an idle committer starts a batch at once, so a lone item waits for nothing.
 */
export class GroupCommit<T, R> {
  private readonly queue: Array<Pending<T, R>> = [];
  private running = 0;

  /** `run` returns one result per item, in order; a throw fails every item of the batch. */
  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly o: GroupCommitOptions,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.kick();
    });
  }

  get waiting(): number {
    return this.queue.length;
  }

  private kick(): void {
    while (this.running < this.o.concurrency && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.o.max);
      this.running++;
      void this.execute(batch).finally(() => {
        this.running--;
        this.kick();
      });
    }
  }

  private async execute(batch: Array<Pending<T, R>>): Promise<void> {
    try {
      const results = await this.run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (err) {
      batch.forEach((p) => p.reject(err));
    }
  }
}
