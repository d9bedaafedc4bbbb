import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type onResponseHookHandler,
} from 'fastify';
import helmet from 'helmet';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import type { DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import { logDestination, loggerOptions } from '../logger.js';
import { createApiMetrics } from '../metrics.js';
import { relayNudger } from '../queues.js';
import { registerJwt } from './auth.js';
import { trustProxyOption } from './client-ip.js';
import type { AppDeps } from './deps.js';
import bullBoard from './plugins/bull-board.js';
import { registerMetrics } from './plugins/metrics.js';
import { registerRouteNaming } from './plugins/tracing.js';
import { registerOpenApi } from './openapi.js';
import { handleFrameworkError, registerProblemHandlers } from './problem.js';
import { serializerCompiler } from './serializer.js';
import loginRoute from './routes/auth/login.js';
import logoutRoutes from './routes/auth/logout.js';
import refreshRoute from './routes/auth/refresh.js';
import registerRoute from './routes/auth/register.js';
import healthRoutes from './routes/ops/health.js';
import indexRoutes from './routes/ops/index-links.js';
import meRoute from './routes/users/me.js';
import ordersRoutes from './routes/orders/index.js';
import productsRoutes from './routes/products/index.js';
import webhookEndpointsRoutes from './routes/webhook-endpoints/index.js';

export interface BuildAppInput {
  config: Config;
  db: DatabasePool;
  redis: Redis;
  readiness?: { draining: boolean };
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logStream?: DestinationStream;
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;
const mebibyte = 1_048_576;

/** Builds the API without listening, so tests can `inject` and the server entry can `listen`. */
export async function buildApp(input: BuildAppInput): Promise<FastifyInstance> {
  const { config } = input;
  const logOptions = loggerOptions(config, 'api');
  const app = Fastify({
    logger: { ...logOptions, stream: input.logStream ?? logDestination(logOptions) },
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming)
        ? incoming
        : randomUUID();
    },
    // One 'request completed' line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({
      disableRequestLogging: true,
      requestIdLogLabel: 'requestId',
    }),
    bodyLimit: mebibyte,
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    // Our own drain logic answers with problem+json; idle keep-alive sockets close on shutdown.
    return503OnClosing: false,
    frameworkErrors: handleFrameworkError,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();
  app.server.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  registerJsonOnlyBodies(app);
  registerRequestLines(app);
  await registerBrowserPolicies(app, config);
  registerRouteNaming(app);
  registerMetrics(app, config.METRICS_ENABLED ? createApiMetrics(input.db) : null);

  const readiness = input.readiness ?? { draining: false };
  // Hooks in callback style: no promise per request on the hot path.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // Decided at send time, so requests already in flight when draining starts also release
  // their keep-alive connection (an open one would hold shutdown until keepAliveTimeout).
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (readiness.draining) reply.header('connection', 'close');
    done(null, payload);
  });

  await registerJwt(app, config, input.db);
  await app.register(fastifyRateLimit, {
    global: false,
    redis: input.redis,
    nameSpace: `${config.REDIS_KEY_PREFIX}rate-limit:`,
    // Availability over throttling: with Redis down, logins still work (and a warning is logged).
    skipOnError: true,
  });
  await registerOpenApi(app);

  const deps: AppDeps = {
    config,
    db: input.db,
    redis: input.redis,
    readiness,
    nudgeRelay: relayNudger(input.redis, config),
    auth: {
      db: input.db,
      signAccessToken: (claims) => app.jwt.sign(claims),
      accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL,
      refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL,
    },
  };

  await app.register(indexRoutes, deps);
  await app.register(healthRoutes, deps);
  await app.register(bullBoard, deps);
  await app.register(
    async (api) => {
      await api.register(registerRoute, deps);
      await api.register(loginRoute, deps);
      await api.register(refreshRoute, deps);
      await api.register(logoutRoutes, deps);
      await api.register(meRoute, deps);
      await api.register(productsRoutes, deps);
      await api.register(ordersRoutes, deps);
      await api.register(webhookEndpointsRoutes, deps);
    },
    { prefix: '/api/v1' },
  );
  return app;
}

/**
 * One 'request completed' line per request, with the route pattern fixed when the route is
 * registered. Its fields are fixed and hold no secret, so it is written by a child without the
 * redaction paths: their wildcards cost a third of the line's CPU.
 */
function registerRequestLines(app: FastifyInstance): void {
  const requestLines = app.log.child({}, { redact: [] });
  const logRequest = (request: FastifyRequest, reply: FastifyReply, route: string) =>
    requestLines.info(
      {
        requestId: request.id,
        method: request.method,
        route,
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request completed',
    );
  app.addHook('onRoute', (route) => {
    const pattern = route.url;
    const hook: onResponseHookHandler = (request, reply, done) => {
      logRequest(request, reply, pattern);
      done();
    };
    route.onResponse = [route.onResponse ?? [], hook].flat();
  });
  app.addHook('onResponse', (request, reply, done) => {
    if (request.is404) logRequest(request, reply, 'unmatched');
    done();
  });
}

/** JSON is the only request media type (415 otherwise); an empty body counts as no body. */
function registerJsonOnlyBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, undefined);
    return parseJson(request, text, done);
  });
}

/**
 * helmet's headers, worked out once: no directive depends on the request, and @fastify/helmet
 * rebuilt every header from the options on each request (4% of a GET's CPU).
 */
function securityHeaders(options: Parameters<typeof helmet>[0]): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    removeHeader: () => undefined,
  } as unknown as ServerResponse;
  helmet(options)(undefined as never, recorder, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * Security headers (helmet's defaults suit /docs and Bull Board: neither uses inline scripts),
 * and CORS only for the origins configured. upgrade-insecure-requests is dropped: over plain
 * HTTP it would send the docs' own scripts to an https URL that does not exist.
 */
async function registerBrowserPolicies(app: FastifyInstance, config: Config): Promise<void> {
  const headers = securityHeaders({
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  if (config.CORS_ORIGINS.length === 0) return;
  await app.register(fastifyCors, {
    origin: config.CORS_ORIGINS,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    exposedHeaders: [
      'Location',
      'ETag',
      'Retry-After',
      'Idempotency-Replayed',
      'X-Request-Id',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
    ],
    maxAge: 600,
  });
}
