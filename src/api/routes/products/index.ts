import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';

/** Registers every /products endpoint; one file per endpoint beside this one. */
const productsRoutes: FastifyPluginAsyncZod<AppDeps> = async (_app, _deps) => {};

export default productsRoutes;
