import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import cancelOrderRoute from './cancel.js';
import createOrderRoute from './create.js';
import getOrderRoute from './get.js';
import listOrdersRoute from './list.js';

/** Registers every /orders endpoint; one file per endpoint beside this one. */
const ordersRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  await app.register(listOrdersRoute, deps);
  await app.register(getOrderRoute, deps);
  await app.register(createOrderRoute, deps);
  await app.register(cancelOrderRoute, deps);
};

export default ordersRoutes;
