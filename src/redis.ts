import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from './config.js';

export type RedisConfig = Pick<
  Config,
  'REDIS_URL' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME' | 'REDIS_SENTINEL_PASSWORD'
>;

/**
 * Every Redis client of both processes: REDIS_URL (`rediss://` for TLS), or the master that
 * REDIS_SENTINELS name, with the URL's credentials, db and scheme. Duplicates (BullMQ's blocking
 * connections) keep these options, so they follow a failover too.
 */
export function createRedis(config: RedisConfig, options: RedisOptions = {}): Redis {
  if (!config.REDIS_SENTINELS) return new Redis(config.REDIS_URL, options);
  const tls = new URL(config.REDIS_URL).protocol === 'rediss:';
  return new Redis(config.REDIS_URL, {
    ...options,
    sentinels: config.REDIS_SENTINELS,
    name: config.REDIS_SENTINEL_NAME,
    sentinelPassword: config.REDIS_SENTINEL_PASSWORD,
    // TLS to the Sentinels and to the master they name alike.
    ...(tls ? { tls: {}, sentinelTLS: {}, enableTLSForSentinelMode: true } : {}),
  });
}
