import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import archiveProductRoute from './archive.js';
import createProductRoute from './create.js';
import getProductRoute from './get.js';
import listProductsRoute from './list.js';
import updateProductRoute from './update.js';

/** Registers every /products endpoint; one file per endpoint beside this one. */
const productsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  await app.register(listProductsRoute, deps);
  await app.register(getProductRoute, deps);
  await app.register(createProductRoute, deps);
  await app.register(updateProductRoute, deps);
  await app.register(archiveProductRoute, deps);
};

export default productsRoutes;
