import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkDependencies } from '../../../readiness.js';
import type { AppDeps } from '../../deps.js';
import { sendProblem } from '../../problem.js';
import { noQuery, problems } from '../../schemas.js';

const readinessSchema = z
  .object({
    status: z.literal('ok'),
    checks: z.object({ postgres: z.enum(['up', 'down']), redis: z.enum(['up', 'down']) }),
  })
  .meta({
    description: 'Ready to serve; Redis may be down (rate limits then fail open)',
    examples: [{ status: 'ok', checks: { postgres: 'up', redis: 'up' } }],
  });

const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/healthz', {
    schema: {
      tags: ['operations'],
      summary: 'Liveness: the process runs',
      querystring: noQuery,
      response: {
        200: z.object({ status: z.literal('ok') }).meta({ description: 'The process runs' }),
        ...problems(400),
      },
    },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    schema: {
      tags: ['operations'],
      summary:
        'Readiness: Postgres answers and the server is not shutting down (Redis is reported)',
      querystring: noQuery,
      response: { 200: readinessSchema, ...problems(400, 503) },
    },
    handler: async (_request, reply) => {
      const checks = await checkDependencies(deps);
      if (deps.readiness.draining) {
        return sendProblem(reply, 'SERVICE_UNAVAILABLE', 'The server is shutting down', { checks });
      }
      if (checks.postgres === 'down') {
        return sendProblem(reply, 'SERVICE_UNAVAILABLE', 'Postgres is unavailable', { checks });
      }
      return { status: 'ok' as const, checks };
    },
  });
};

export default healthRoutes;
