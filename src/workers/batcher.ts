import { context, type Context } from '@opentelemetry/api';
import DataLoader from 'dataloader';
import type { Config } from '../config.js';
import type { WorkerMetrics } from '../metrics.js';
import { inBatchSpan } from './trace.js';

/**
 * Group commit for jobs: items handed in within WORKER_BATCH_WAIT_MS (up to WORKER_BATCH_SIZE)
 * go to `apply` together, as one statement, and each caller gets its own result once that
 * statement committed. If the statement fails, every job of the batch fails and is retried.
 */
export function createBatcher<Item, Result>(
  deps: { config: Config; metrics: WorkerMetrics },
  name: string,
  apply: (items: readonly Item[]) => Promise<readonly Result[]>,
): (item: Item) => Promise<Result> {
  const loader = new DataLoader<{ item: Item; context: Context }, Result>(
    (entries) => {
      deps.metrics.batchSize.observe({ batch: name }, entries.length);
      return inBatchSpan(
        name,
        entries.map((entry) => entry.context),
        { 'batch.size': entries.length },
        () => apply(entries.map((entry) => entry.item)),
      );
    },
    {
      cache: false,
      maxBatchSize: deps.config.WORKER_BATCH_SIZE,
      batchScheduleFn: (flush) => setTimeout(flush, deps.config.WORKER_BATCH_WAIT_MS),
    },
  );
  return (item) => loader.load({ item, context: context.active() });
}
