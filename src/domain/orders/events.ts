/**
 * Outbox events: the contract between the API and the worker (and, through webhooks, clients).
 * Defined once beside the outbox SQL; every event is `order.<status>` for the status it reports.
 */
export {
  orderEventSchema,
  orderEventTypes,
  type OrderEvent,
  type OrderEventType,
} from '../../db/outbox.js';
