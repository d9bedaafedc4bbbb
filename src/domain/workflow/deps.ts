import type { DatabasePool } from 'slonik';
import type { OutboxEvent } from '../orders/events.js';

export interface WorkflowDeps {
  db: DatabasePool;
  /** The outgoing side effect (the webhook); throws when delivery failed and should be retried. */
  deliver: (event: OutboxEvent) => Promise<void>;
}

export interface ConsumerInput {
  /** Names the inbox the event is recorded in; one per job type. */
  consumer: string;
  event: OutboxEvent;
}
