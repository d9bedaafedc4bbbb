import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { createQueues } from '../../queues.js';
import type { AppDeps } from '../deps.js';
import { requireAdmin } from '../auth.js';
import { sendProblem } from '../problem.js';

export const bullBoardPath = '/admin/queues';

/**
 * Bull Board (UI and its API) for admins only. Registered without fastify-plugin, so the
 * guard covers exactly the board's routes. The queues are only read (read-only mode); the
 * API itself never enqueues.
 */
const bullBoard: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const queues = Object.values(createQueues(deps.redis, deps.config));
  // The API's Redis client already reports outages; one line per queue would only repeat it.
  for (const queue of queues) queue.on('error', () => {});
  const serverAdapter = new FastifyAdapter().setBasePath(bullBoardPath);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter,
  });

  // Answered here: the board's own error handler would turn a thrown error into its own shape.
  app.addHook('onRequest', async function guard(request, reply) {
    try {
      await requireAdmin.call(this, request, reply);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return sendProblem(reply, error.code, error.message);
    }
  });
  app.addHook('onClose', async () => {
    await Promise.all(queues.map((queue) => queue.close()));
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: bullBoardPath });
};

export default bullBoard;
