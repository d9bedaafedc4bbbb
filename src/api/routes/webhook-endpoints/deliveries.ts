import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listDeliveriesPage, retryDelivery } from '../../../domain/webhooks/endpoints.js';
import { requireAdmin } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import type { WebhookRouteDeps } from './index.js';
import {
  deliveryPageSchema,
  deliveryParams,
  deliveryResponse,
  endpointParams,
  listDeliveriesQuery,
} from './schemas.js';

const tags = ['webhooks'];

const deliveryRoutes: FastifyPluginAsyncZod<WebhookRouteDeps> = async (app, deps) => {
  app.get('/webhook-endpoints/:id/deliveries', {
    schema: {
      tags,
      summary: "An endpoint's delivery log, newest first, optionally by status (admin)",
      security: bearerAuth,
      params: endpointParams,
      querystring: listDeliveriesQuery,
      response: { 200: deliveryPageSchema, ...problems(400, 401, 403, 404) },
    },
    onRequest: requireAdmin,
    handler: async (request) => listDeliveriesPage(deps.webhooks, request.params.id, request.query),
  });

  app.post('/webhook-endpoints/:id/deliveries/:deliveryId/retry', {
    schema: {
      tags,
      summary: 'Send a failed delivery again, with the same webhook-id (admin)',
      security: bearerAuth,
      params: deliveryParams,
      response: { 202: deliveryResponse, ...problems(400, 401, 403, 404, 409) },
    },
    onRequest: requireAdmin,
    handler: async (request, reply) => {
      const delivery = await retryDelivery(
        deps.webhooks,
        request.params.id,
        request.params.deliveryId,
      );
      return reply.code(202).send({ delivery });
    },
  });
};

export default deliveryRoutes;
