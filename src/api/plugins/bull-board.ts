import { hkdfSync } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import fastifyCsrfProtection from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifySecureSession from '@fastify/secure-session';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { insertAuditEntry } from '../../db/admin-audit.js';
import { adminOfSession, startAdminSession } from '../../domain/auth/admin-session.js';
import { logOut } from '../../domain/auth/log-out.js';
import { DomainError } from '../../domain/errors.js';
import { createQueues, createWebhookQueue } from '../../queues.js';
import type { AppDeps } from '../deps.js';
import { requireAdmin } from '../auth.js';
import { sendProblem } from '../problem.js';
import { loginLimits } from '../rate-limits.js';

export const bullBoardPath = '/admin/queues';
export const signInPath = '/admin/sign-in';
export const signOutPath = '/admin/sign-out';
/** axios (the board's HTTP client) echoes this cookie in `X-XSRF-TOKEN` on same-origin calls. */
const csrfCookie = 'XSRF-TOKEN';
const sessionCookie = 'orders_admin_session';

declare module '@fastify/secure-session' {
  interface SessionData {
    token: string;
  }
}

/**
 * Operators' pages under /admin: a sign-in form that opens an expiring, revocable session
 * (HttpOnly, SameSite=Strict, Secure over HTTPS), and Bull Board behind it. Scripts and tools
 * may still send an admin's Bearer token instead. Registered without fastify-plugin, so the
 * form parser, the session and the guard cover only these routes.
 */
const adminPages: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  await app.register(fastifyFormbody);
  await app.register(fastifySecureSession, {
    // Derived from JWT_SECRET: one secret to manage, and a separate key for a separate purpose.
    key: Buffer.from(hkdfSync('sha256', deps.config.JWT_SECRET, '', 'admin session', 32)),
    cookieName: sessionCookie,
    expiry: deps.config.ADMIN_SESSION_TTL,
    cookie: {
      path: '/admin',
      httpOnly: true,
      sameSite: 'strict',
      secure: 'auto',
      maxAge: deps.config.ADMIN_SESSION_TTL,
    },
  });
  await app.register(fastifyCsrfProtection, { sessionPlugin: '@fastify/secure-session' });
  await app.register(signInRoutes, deps);
  await app.register(board, deps);
};

const signInRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  // The API's login limits, on the same counters: the form is one more way to guess passwords.
  const limits = loginLimits(app, deps.config);

  app.get(signInPath, { schema: { hide: true } }, async (_request, reply) =>
    signInPage(reply, 200),
  );

  app.post(signInPath, {
    schema: { hide: true },
    onRequest: async (request, reply) => limits.perIp(request, reply),
    preHandler: [
      app.csrfProtection,
      async (request, reply) => limits.perEmail(request, reply, signInForm(request).email),
    ],
    handler: async (request, reply) => {
      try {
        const session = await startAdminSession(
          { ...deps.auth, sessionTtlSeconds: deps.config.ADMIN_SESSION_TTL },
          signInForm(request),
        );
        request.session.set('token', session.token);
        request.log.info({ adminId: session.userId }, 'admin signed in to the board');
        return reply.redirect(bullBoardPath, 303);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'INVALID_CREDENTIALS') {
          return signInPage(reply, 401, 'Email or password is incorrect.');
        }
        if (error instanceof DomainError && error.code === 'FORBIDDEN') {
          return signInPage(reply, 403, 'Only admins may open the queue board.');
        }
        throw error;
      }
    },
  });

  // A link (the board's menu has no forms); SameSite=Strict keeps other sites from using it.
  app.get(signOutPath, { schema: { hide: true } }, async (request, reply) => {
    const token = request.session.get('token');
    if (token !== undefined) await logOut(deps.auth, token);
    request.session.delete();
    return reply.redirect(signInPath, 303);
  });
};

function signInForm(request: FastifyRequest): { email: string; password: string } {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 256) : '');
  return { email: text(body.email).trim().toLowerCase(), password: text(body.password) };
}

function signInPage(reply: FastifyReply, status: number, message?: string) {
  const csrf = reply.generateCsrf();
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
    .send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in · Orders operations</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 22rem; margin: 4rem auto">
<h1>Queue board</h1>
${message ? `<p role="alert" style="color: #b00020">${message}</p>` : ''}
<form method="post" action="${signInPath}">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label>Email<br><input name="email" type="email" autocomplete="username" required></label></p>
<p><label>Password<br><input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">Sign in</button></p>
</form></body></html>`);
}

/** The board's state-changing calls an admin may make: retrying or removing failed jobs. */
const boardActions: Record<string, { action: string; failedJob?: true; failedStatus?: true }> = {
  'PUT /api/queues/:queueName/:jobId/retry': { action: 'retry-job', failedJob: true },
  'PUT /api/queues/:queueName/:jobId/clean': { action: 'remove-job', failedJob: true },
  'PUT /api/queues/:queueName/retry/:queueStatus': {
    action: 'retry-failed-jobs',
    failedStatus: true,
  },
  'PUT /api/queues/:queueName/clean/:queueStatus': {
    action: 'remove-failed-jobs',
    failedStatus: true,
  },
};

interface BoardCaller {
  adminId: string;
  via: 'session' | 'token';
  action?: { action: string; target: Record<string, string> };
}

const board: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const queues = [
    ...Object.values(createQueues(deps.redis, deps.config)),
    createWebhookQueue(deps.redis, deps.config),
  ];
  // The API's Redis client already reports outages; one line per queue would only repeat it.
  for (const queue of queues) queue.on('error', () => {});
  const serverAdapter = new FastifyAdapter().setBasePath(bullBoardPath);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: {
      uiConfig: {
        boardTitle: 'Orders queues',
        miscLinks: [{ text: 'Sign out', url: signOutPath }],
      },
    },
  });
  const callers = new WeakMap<FastifyRequest, BoardCaller>();

  // Answered here: the board's own error handler would turn a thrown error into its own shape.
  app.addHook('onRequest', async function guard(request, reply) {
    let caller: BoardCaller;
    try {
      caller = await authenticate(this, deps, request, reply);
      caller.action = await allowedAction(queues, request);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const browser = request.method === 'GET' && /text\/html/.test(request.headers.accept ?? '');
      if (error.code === 'UNAUTHENTICATED' && browser) return reply.redirect(signInPath, 303);
      return sendProblem(reply, error.code, error.message);
    }
    callers.set(request, caller);
    if (caller.via === 'session' && (request.method === 'GET' || request.method === 'HEAD')) {
      reply.setCookie(csrfCookie, reply.generateCsrf(), {
        path: '/admin',
        sameSite: 'strict',
        secure: 'auto',
        httpOnly: false,
      });
    }
  });
  // A cookie rides along on any request to this origin, so state changes also need the token.
  app.addHook('onRequest', (request, reply, done) => {
    const caller = callers.get(request);
    if (caller?.via === 'session' && request.method !== 'GET' && request.method !== 'HEAD') {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });
  app.addHook('onResponse', async (request, reply) => {
    const caller = callers.get(request);
    if (!caller?.action) return;
    const entry = { adminId: caller.adminId, ...caller.action, statusCode: reply.statusCode };
    request.log.info(entry, 'board action');
    await insertAuditEntry(deps.db, entry).catch((error: unknown) =>
      request.log.error({ err: error, ...entry }, 'could not write the audit log entry'),
    );
  });
  app.addHook('onClose', async () => {
    await Promise.all(queues.map((queue) => queue.close()));
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: bullBoardPath });
};

/** An admin's Bearer token, or a live board session. */
async function authenticate(
  app: FastifyInstance,
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<BoardCaller> {
  if (request.headers.authorization !== undefined) {
    await requireAdmin.call(app, request, reply);
    return { adminId: request.user.sub, via: 'token' };
  }
  const token = request.session.get('token');
  if (token === undefined) {
    throw new DomainError('UNAUTHENTICATED', `Sign in at ${signInPath} or send an admin token`);
  }
  const adminId = await adminOfSession(deps.auth, token);
  if (adminId === null) {
    request.session.delete();
    throw new DomainError('UNAUTHENTICATED', 'The session has expired or was revoked');
  }
  return { adminId, via: 'session' };
}

/** Reads pass; of the writes only retrying or removing failed jobs, described for the audit. */
async function allowedAction(
  queues: readonly { name: string; getJobState: (id: string) => Promise<string> }[],
  request: FastifyRequest,
): Promise<BoardCaller['action']> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const route = request.routeOptions.url?.slice(bullBoardPath.length) ?? '';
  const allowed = boardActions[`${request.method} ${route}`];
  const params = request.params as Record<string, string>;
  const queue = queues.find((candidate) => candidate.name === params.queueName);
  const refuse = () =>
    new DomainError('FORBIDDEN', 'On the board, admins may only retry or remove failed jobs');
  if (!allowed || !queue) throw refuse();
  if (allowed.failedStatus && params.queueStatus !== 'failed') throw refuse();
  const target: Record<string, string> = { queue: queue.name };
  if (allowed.failedJob) {
    const jobId = params.jobId ?? '';
    if ((await queue.getJobState(jobId)) !== 'failed') throw refuse();
    target.jobId = jobId;
  }
  return { action: allowed.action, target };
}

export default adminPages;
