import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cancelOrder } from '../../../domain/orders/cancel-order.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import { orderParams, orderResponse } from './schemas.js';
import { traceContextOf } from './trace-context.js';

const cancelOrderRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post('/orders/:id/cancel', {
    schema: {
      tags: ['orders'],
      summary: 'Cancel a pending or confirmed order (owner or admin); its stock is restored',
      security: bearerAuth,
      params: orderParams,
      response: { 200: orderResponse, ...problems(400, 401, 404, 409) },
    },
    onRequest: requireUser,
    handler: async (request) => {
      const order = await cancelOrder(deps, {
        orderId: request.params.id,
        viewer: { userId: request.user.sub, isAdmin: request.user.role === 'admin' },
        trace: traceContextOf(request.headers),
      });
      return { order };
    },
  });
};

export default cancelOrderRoute;
