import type { JobHandler, JobName } from '../../queues.js';
import { orderCancelled } from './order-cancelled.js';
import { orderConfirmed } from './order-confirmed.js';
import { orderCreated } from './order-created.js';

export const jobHandlers: { [Name in JobName]: JobHandler<Name> } = {
  'order.created': orderCreated,
  'order.confirmed': orderConfirmed,
  'order.cancelled': orderCancelled,
};
