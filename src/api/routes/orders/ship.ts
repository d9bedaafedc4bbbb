import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shipOrder } from '../../../domain/orders/ship-order.js';
import type { AppDeps } from '../../deps.js';
import { requireAdmin } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import { orderParams, orderResponse, shipOrderBody } from './schemas.js';
import { traceContextOf } from './trace-context.js';

const shipOrderRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post('/orders/:id/ship', {
    schema: {
      tags: ['orders'],
      summary: 'Ship a confirmed order (admin), recording its carrier and tracking number',
      security: bearerAuth,
      params: orderParams,
      body: shipOrderBody,
      response: { 200: orderResponse, ...problems(400, 401, 403, 404, 409, 415) },
    },
    onRequest: requireAdmin,
    handler: async (request) => {
      const order = await shipOrder(deps, {
        orderId: request.params.id,
        adminId: request.user.sub,
        shipment: request.body,
        trace: traceContextOf(request.headers),
      });
      return { order };
    },
  });
};

export default shipOrderRoute;
