import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';

/** Registers every /orders endpoint; one file per endpoint beside this one. */
const ordersRoutes: FastifyPluginAsyncZod<AppDeps> = async (_app, _deps) => {};

export default ordersRoutes;
