import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOrders } from '../../../domain/orders/list-orders.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import { listOrdersQuery, orderPageSchema } from './schemas.js';

const listOrdersRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/orders', {
    schema: {
      tags: ['orders'],
      summary:
        "Orders newest first: your own, or everyone's for an admin; pass nextCursor back as cursor for the next page",
      security: bearerAuth,
      querystring: listOrdersQuery,
      response: { 200: orderPageSchema, ...problems(400, 401, 403) },
    },
    onRequest: requireUser,
    handler: async (request) => {
      const viewer = { userId: request.user.sub, isAdmin: request.user.role === 'admin' };
      return listOrders(deps, { viewer, ...request.query });
    },
  });
};

export default listOrdersRoute;
