import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  BackendTerminatedError,
  BackendTerminatedUnexpectedlyError,
  ConnectionError,
  StatementTimeoutError,
} from 'slonik';
import { DomainError, type ErrorCode } from '../domain/errors.js';

type HttpOnlyCode =
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'SERVICE_UNAVAILABLE';
export type ProblemCode = ErrorCode | HttpOnlyCode;

declare module 'fastify' {
  interface FastifyReply {
    /** Set by sendProblem, so the HTTP metrics can label the error with its code. */
    problemCode: ProblemCode | null;
  }
}

/** The one table from error codes to HTTP statuses. */
export const statusByCode: Record<ProblemCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  SKU_TAKEN: 409,
  INSUFFICIENT_STOCK: 409,
  INVALID_ORDER_STATE: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  INVALID_DELIVERY_STATE: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRODUCT_UNAVAILABLE: 422,
  CURRENCY_MISMATCH: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

const codeByFastifyStatus: Record<number, ProblemCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  requestId: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

export function sendProblem(
  reply: FastifyReply,
  code: ProblemCode,
  detail: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const status = statusByCode[code];
  reply.problemCode = code;
  const problem: Problem = {
    ...extra,
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    code,
    detail,
    requestId: reply.request.id,
  };
  return reply.code(status).type('application/problem+json').send(problem);
}

const unavailableErrors = [
  ConnectionError,
  BackendTerminatedError,
  BackendTerminatedUnexpectedlyError,
  StatementTimeoutError,
];
const unavailableSystemCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
]);

/** True for errors that mean a dependency is down or overloaded, not that our code is wrong. */
export function isDependencyFailure(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (unavailableErrors.some((type) => cause instanceof type)) return true;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && unavailableSystemCodes.has(code)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
    const errors = (error.validation ?? []).flatMap((issue) => {
      const path = issue.instancePath.replace(/^\//, '');
      const message = issue.message ?? 'is invalid';
      const unknownKeys = (issue.params as { keys?: unknown }).keys;
      // Name each rejected key in `path`, not only in the message.
      if (issue.keyword === 'unrecognized_keys' && Array.isArray(unknownKeys)) {
        return unknownKeys.map((key) => ({ path: path ? `${path}/${key}` : String(key), message }));
      }
      return [{ path, message }];
    });
    const where = error.validationContext ?? 'request';
    return sendProblem(reply, 'VALIDATION_FAILED', `The ${where} failed validation`, { errors });
  }
  if (error instanceof DomainError) {
    return sendProblem(reply, error.code, error.message, error.details);
  }
  if (isDependencyFailure(error)) {
    request.log.warn({ err: error }, 'dependency unavailable');
    reply.header('retry-after', '1');
    return sendProblem(reply, 'SERVICE_UNAVAILABLE', 'A dependency is unavailable; retry shortly');
  }
  const status = error.statusCode ?? 500;
  if (status === 415) {
    const sent = request.headers['content-type'] ?? 'none';
    return sendProblem(
      reply,
      'UNSUPPORTED_MEDIA_TYPE',
      `Request bodies must be application/json (Content-Type was ${sent})`,
    );
  }
  if (status >= 400 && status < 500) {
    const code = codeByFastifyStatus[status] ?? 'VALIDATION_FAILED';
    // Fastify's own 4xx messages (bad JSON, body too large, media type) are safe to show.
    return sendProblem(reply, code, error.message);
  }
  if (status === 503) {
    return sendProblem(reply, 'SERVICE_UNAVAILABLE', 'The service is unavailable; retry shortly');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 'INTERNAL', 'An unexpected error occurred');
}

/**
 * Errors Fastify's router answers before any hook runs (a path parameter over
 * maxParamLength, a malformed percent-encoding): problem+json like every other error.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  reply.header('x-request-id', request.id);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, 'NOT_FOUND', 'No such resource');
  }
  return sendProblem(reply, 'VALIDATION_FAILED', 'The request URL is malformed');
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.decorateReply('problemCode', null);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      'NOT_FOUND',
      `Route ${request.method} ${request.url.split('?')[0]} not found`,
    ),
  );
}
