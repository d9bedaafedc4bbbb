import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import cancelOrderRoute from './cancel.js';
import createOrderRoute from './create.js';
import deliverOrderRoute from './deliver.js';
import getOrderRoute from './get.js';
import orderHistoryRoute from './history.js';
import listOrdersRoute from './list.js';
import shipOrderRoute from './ship.js';

/** Registers every /orders endpoint; one file per endpoint beside this one. */
const ordersRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  await app.register(listOrdersRoute, deps);
  await app.register(getOrderRoute, deps);
  await app.register(createOrderRoute, deps);
  await app.register(cancelOrderRoute, deps);
  await app.register(shipOrderRoute, deps);
  await app.register(deliverOrderRoute, deps);
  await app.register(orderHistoryRoute, deps);
};

export default ordersRoutes;
