import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { sendProblem } from './problem.js';

/**
 * Checks one bucket and counts the request in it. Resolves to the reply when it answered 429
 * (return it from the hook), to undefined when the request may go on. `subject` narrows the
 * bucket beyond the client IP (an email, say).
 */
export type RateLimit = (
  request: FastifyRequest,
  reply: FastifyReply,
  subject?: string,
) => Promise<FastifyReply | undefined>;

const windowMs = 60_000;

/**
 * A fixed one-minute window per client IP (and subject), counted in Redis by
 * @fastify/rate-limit's store: shared by every API process, and open while Redis is down
 * (the plugin's skipOnError). Sends RateLimit-* on every answer it lets through and
 * Retry-After with the 429. With several limits on a route, the headers show the tightest.
 */
export function createRateLimit(
  app: FastifyInstance,
  options: { name: string; max: number; what: string },
): RateLimit {
  const keys = new WeakMap<FastifyRequest, string>();
  const check = app.createRateLimit({
    max: options.max,
    timeWindow: windowMs,
    keyGenerator: (request) => keys.get(request) ?? request.ip,
  });
  return async (request, reply, subject) => {
    const key = subject === undefined ? request.ip : `${request.ip}:${subject}`;
    keys.set(request, `${options.name}:${key}`);
    const result = await check(request);
    if (result.isAllowed) return undefined;
    const resetSeconds = String(Math.max(1, result.ttlInSeconds));
    const shown = Number(reply.getHeader('ratelimit-remaining') ?? Number.POSITIVE_INFINITY);
    if (result.remaining <= shown) {
      reply.header('ratelimit-limit', String(result.max));
      reply.header('ratelimit-remaining', String(result.remaining));
      reply.header('ratelimit-reset', resetSeconds);
    }
    if (!result.isExceeded) return undefined;
    reply.header('retry-after', resetSeconds);
    return sendProblem(reply, 'RATE_LIMITED', `Too many ${options.what}; retry later`);
  };
}

/** Login limits, also for any other sign-in with the same credentials (Bull Board). */
export interface LoginLimits {
  /** Before anything is parsed: all attempts from one client IP. */
  perIp: RateLimit;
  /** Attempts for one email from one client IP, so a stranger cannot lock its owner out. */
  perEmail: RateLimit;
}

/** Limiters count in Redis keys named after the bucket, so every sign-in route shares them. */
export function loginLimits(app: FastifyInstance, config: Config): LoginLimits {
  return {
    perIp: createRateLimit(app, {
      name: 'login:ip',
      max: config.LOGIN_RATE_LIMIT_PER_IP,
      what: 'login attempts',
    }),
    perEmail: createRateLimit(app, {
      name: 'login:email',
      max: config.LOGIN_RATE_LIMIT_PER_EMAIL,
      what: 'login attempts',
    }),
  };
}
