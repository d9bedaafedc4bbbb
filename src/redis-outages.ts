import type { Redis } from 'ioredis';
import type { LogFn } from 'pino';

/**
 * One line when Redis goes away and one when it is back, instead of a stack per reconnect
 * attempt (ioredis retries every ~2 s, so an outage would otherwise flood the log).
 */
export function logRedisOutages(
  redis: Redis,
  log: { warn: LogFn; info: LogFn },
  consequence: string,
): void {
  let down = false;
  redis.on('error', (error: Error & { code?: string }) => {
    if (down) return;
    down = true;
    log.warn({ error: error.message, code: error.code }, `redis unavailable; ${consequence}`);
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log.info('redis available again');
  });
}
