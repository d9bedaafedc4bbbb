import {
  sql,
  type CommonQueryMethods,
  type FragmentSqlToken,
  type SerializableValue,
} from 'slonik';
import { noRows } from './prepared.js';

export interface NewOutboxEvent {
  id: string;
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  payload: SerializableValue;
  traceparent: string | null;
  tracestate: string | null;
}

/** The INSERT alone, so a larger statement can write its event without another round trip. */
export function outboxInsert(event: NewOutboxEvent): FragmentSqlToken {
  return sql.fragment`
    INSERT INTO outbox (id, aggregate_type, aggregate_id, event_type, payload, traceparent, tracestate)
    VALUES (${event.id}::uuid, ${event.aggregateType}::text, ${event.aggregateId}::uuid,
            ${event.eventType}::text, ${sql.jsonb(event.payload)}, ${event.traceparent}::text,
            ${event.tracestate}::text)`;
}

export async function insertOutboxEvent(
  db: CommonQueryMethods,
  event: NewOutboxEvent,
): Promise<void> {
  await db.query(sql.prepared('insert_outbox_event', noRows)`${outboxInsert(event)}`);
}
