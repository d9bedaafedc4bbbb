import { notifyOrderEvent } from '../../domain/workflow/notify-order-event.js';
import type { JobHandler } from '../../queues.js';

/** order.cancelled: notify. The cancel itself (status, stock) was done by the API. */
export const orderCancelled: JobHandler<'order.cancelled'> = (deps, event) =>
  notifyOrderEvent(deps, { consumer: 'order-cancelled', event });
