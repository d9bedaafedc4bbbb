import { notifyOrderEvent } from '../../domain/workflow/notify-order-event.js';
import type { JobHandler } from '../../queues.js';

/** order.confirmed: notify. */
export const orderConfirmed: JobHandler<'order.confirmed'> = (deps, event) =>
  notifyOrderEvent(deps, { consumer: 'order-confirmed', event });
