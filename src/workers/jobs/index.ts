import type { Logger } from 'pino';
import type { DatabasePool } from 'slonik';
import type { Config } from '../../config.js';
import type { OrderEvent } from '../../domain/orders/events.js';
import type { WorkerMetrics } from '../../metrics.js';
import type { ConsumerName } from '../../queues.js';
import { authorizePayment } from './authorize-payment.js';

export interface JobDeps {
  config: Config;
  db: DatabasePool;
  metrics: WorkerMetrics;
  log: Logger;
  /** Tells the relay that this process just committed new events. */
  nudgeRelay: () => void;
}

/** A consumer's job: applies one event and names what happened (logged and measured). */
export type JobHandler = (event: OrderEvent) => Promise<string>;

/** One handler per consumer of src/queues.ts, each built once per process (its batches). */
export function createJobHandlers(deps: JobDeps): Record<ConsumerName, JobHandler> {
  return {
    'authorize-payment': authorizePayment(deps),
  };
}
