import { confirmOrder } from '../../domain/workflow/confirm-order.js';
import type { JobHandler } from '../../queues.js';

/** order.created: notify, then confirm the order and announce order.confirmed. */
export const orderCreated: JobHandler<'order.created'> = (deps, event) =>
  confirmOrder(deps, { consumer: 'order-created', event });
