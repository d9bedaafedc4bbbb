import { isSpanContextValid, trace } from '@opentelemetry/api';
import { destination, stdSerializers, type DestinationStream, type LoggerOptions } from 'pino';
import type { Config } from './config.js';

/** Keys that may hold secrets, redacted at the top level and up to two levels deep. */
const secretKeys = [
  'authorization',
  'cookie',
  'password',
  'passwordHash',
  'accessToken',
  'refreshToken',
  'token',
];
const redactedPaths = [
  ...secretKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  '*.headers["set-cookie"]',
  '*.headers["idempotency-key"]',
];

/** The active span's ids, so a log line can be found from its trace and the other way round. */
function traceIds(): { traceId?: string; spanId?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}

/**
 * Human-readable lines for a developer at a terminal; JSON everywhere else (pipes, files,
 * containers). pino-pretty is a devDependency, absent from production installs.
 */
function prettyInDevelopment(environment: Config['NODE_ENV'] | undefined): LoggerOptions {
  if (environment !== 'development' || !process.stdout.isTTY) return {};
  try {
    import.meta.resolve('pino-pretty');
  } catch {
    return {};
  }
  return {
    transport: {
      target: 'pino-pretty',
      options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' },
    },
  };
}

export function loggerOptions(
  config: Pick<Config, 'LOG_LEVEL'> & Partial<Pick<Config, 'NODE_ENV'>>,
  service: string,
): LoggerOptions {
  return {
    ...prettyInDevelopment(config.NODE_ENV),
    level: config.LOG_LEVEL,
    base: { service },
    messageKey: 'msg',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactedPaths, censor: '[redacted]' },
    mixin: traceIds,
    // `cause` as nested objects (type, message, stack), not folded into the message.
    serializers: { err: stdSerializers.errWithCause },
  };
}

/**
 * stdout written asynchronously: under load one write carries every line logged while the last
 * was in flight, instead of a write per line. pino flushes it synchronously on exit and after a
 * fatal line, so only a kill -9 loses the lines of the write in flight. None when the options
 * bring their own transport (pino-pretty).
 */
export function logDestination(options: LoggerOptions): DestinationStream | undefined {
  return options.transport ? undefined : destination({ dest: 1, sync: false });
}
