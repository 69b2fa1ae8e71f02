/**
 * Calls of one kind that arrive together become one statement, and so one commit. On most servers
 * the commit's flush to disk costs far more than the statement, so a burst (a check-in rush, 500
 * daily posts claimed at the same minute) pays for a few flushes instead of one per call. A lone
 * call starts at once; while batches are running, new calls gather for the next one.
 */
export type BatchRun<I, O> = (items: I[]) => Promise<Array<PromiseSettledResult<O>>>;

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

export class Batcher<I, O> {
  private readonly queue: Array<Waiting<I, O>> = [];
  private running = 0;

  /**
   * `run` answers every item of a batch in order; if it throws, every item of that batch fails
   * with that error (its statement committed nothing).
   */
  constructor(
    private readonly run: BatchRun<I, O>,
    private readonly parallel = 4,
    private readonly maxBatch = 500,
  ) {}

  add(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.parallel && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.running++;
      void this.settle(batch).finally(() => {
        this.running--;
        this.next();
      });
    }
  }

  private async settle(batch: Array<Waiting<I, O>>): Promise<void> {
    try {
      const results = await this.run(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, i) => {
        const result = results[i];
        if (result?.status === 'fulfilled') waiting.resolve(result.value);
        else waiting.reject(result ? result.reason : new Error('the batch gave no answer for this call'));
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
