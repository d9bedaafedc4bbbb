import { settlePayments, type Payment } from '../../domain/orders/settle-payments.js';
import { createBatcher } from '../batcher.js';
import { activeTraceContext } from '../trace.js';
import type { JobDeps, JobHandler } from './index.js';

/**
 * order.created: the payment is authorized at once, then the order is confirmed — many orders
 * per statement, each exactly once however often its job runs.
 */
export function authorizePayment(deps: JobDeps): JobHandler {
  const settle = createBatcher(deps, 'settle payments', (payments: readonly Payment[]) =>
    settlePayments(deps, 'authorize-payment', payments),
  );
  return async (event) => {
    const outcome = await settle({ event, answer: 'authorized', trace: activeTraceContext() });
    if (outcome === 'confirmed' || outcome === 'cancelled') deps.nudgeRelay();
    return outcome;
  };
}
