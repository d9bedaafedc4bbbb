import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deliverOrder } from '../../../domain/orders/deliver-order.js';
import type { AppDeps } from '../../deps.js';
import { requireAdmin } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import { orderParams, orderResponse } from './schemas.js';
import { traceContextOf } from './trace-context.js';

const deliverOrderRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post('/orders/:id/deliver', {
    schema: {
      tags: ['orders'],
      summary: 'Record the delivery of a shipped order (admin)',
      security: bearerAuth,
      params: orderParams,
      response: { 200: orderResponse, ...problems(400, 401, 403, 404, 409) },
    },
    onRequest: requireAdmin,
    handler: async (request) => {
      const order = await deliverOrder(deps, {
        orderId: request.params.id,
        adminId: request.user.sub,
        trace: traceContextOf(request.headers),
      });
      return { order };
    },
  });
};

export default deliverOrderRoute;
