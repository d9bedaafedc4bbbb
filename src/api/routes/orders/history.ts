import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getOrderHistory } from '../../../domain/orders/get-order-history.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import { orderHistoryResponse, orderParams } from './schemas.js';

const orderHistoryRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/orders/:id/history', {
    schema: {
      tags: ['orders'],
      summary: "An order's status history, oldest first: the owner's or, for an admin, anyone's",
      security: bearerAuth,
      params: orderParams,
      response: { 200: orderHistoryResponse, ...problems(400, 401, 404) },
    },
    onRequest: requireUser,
    handler: async (request) => {
      const viewer = { userId: request.user.sub, isAdmin: request.user.role === 'admin' };
      return { items: await getOrderHistory(deps, { orderId: request.params.id, viewer }) };
    },
  });
};

export default orderHistoryRoute;
