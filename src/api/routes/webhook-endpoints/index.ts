import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WebhookDeps } from '../../../domain/webhooks/endpoints.js';
import { createWebhookQueue, resendDelivery } from '../../../queues.js';
import type { AppDeps } from '../../deps.js';
import deliveryRoutes from './deliveries.js';
import endpointRoutes from './endpoints.js';

export type WebhookRouteDeps = AppDeps & { webhooks: WebhookDeps };

/** Registers every /webhook-endpoints endpoint (admins only). */
const webhookEndpointsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const queue = createWebhookQueue(deps.redis, deps.config);
  // The API's Redis client already reports outages.
  queue.on('error', () => {});
  app.addHook('onClose', async () => {
    await queue.close();
  });
  const routeDeps: WebhookRouteDeps = {
    ...deps,
    webhooks: {
      db: deps.db,
      config: deps.config,
      resendDelivery: (deliveryId) => resendDelivery(queue, deliveryId, deps.config),
    },
  };
  await app.register(endpointRoutes, routeDeps);
  await app.register(deliveryRoutes, routeDeps);
};

export default webhookEndpointsRoutes;
