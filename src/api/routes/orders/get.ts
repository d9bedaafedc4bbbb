import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getOrder } from '../../../domain/orders/get-order.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import { orderParams, orderResponse } from './schemas.js';

const getOrderRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/orders/:id', {
    schema: {
      tags: ['orders'],
      summary: "One order: the owner's or, for an admin, anyone's (404 otherwise)",
      security: bearerAuth,
      params: orderParams,
      response: { 200: orderResponse, ...problems(400, 401, 404) },
    },
    onRequest: requireUser,
    handler: async (request) => {
      const viewer = { userId: request.user.sub, isAdmin: request.user.role === 'admin' };
      return { order: await getOrder(deps, { orderId: request.params.id, viewer }) };
    },
  });
};

export default getOrderRoute;
