import { Redis } from 'ioredis';
import pg from 'pg';
import type { Config } from './config.js';

const redisConnectTimeoutMs = 2_000;

/** What a process needs before it wires anything; `server` when it creates the database itself. */
export interface Needs {
  postgres?: 'database' | 'server';
  redis?: boolean;
}

/**
 * Connects to what the process needs and explains a failure in one line naming the variable
 * and the address (never the password), so a start-up failure is not an 18-line stack.
 * Resolves with that line, or undefined when everything answers.
 */
export async function startupProblem(config: Config, needs: Needs): Promise<string | undefined> {
  if (needs.postgres) {
    const problem = await checkPostgres(config, needs.postgres);
    if (problem) return problem;
  }
  if (needs.redis) return checkRedis(config);
  return undefined;
}

async function checkPostgres(
  config: Config,
  needs: 'database' | 'server',
): Promise<string | undefined> {
  const url = new URL(config.DATABASE_URL);
  const address = `${url.hostname}:${url.port || 5432}`;
  const database = decodeURIComponent(url.pathname.slice(1));
  const client = new pg.Client({
    connectionString: config.DATABASE_URL,
    connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    const code = codeOf(error);
    if (code === '3D000') {
      if (needs === 'server') return undefined;
      return `Database "${database}" does not exist on Postgres at ${address} (DATABASE_URL); create and migrate it with: npm run migrate`;
    }
    const reason = reasonOf(
      error,
      config.DATABASE_CONNECT_TIMEOUT_MS,
      'DATABASE_CONNECT_TIMEOUT_MS',
    );
    return `Cannot connect to Postgres at ${address} (DATABASE_URL): ${reason}`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkRedis(config: Config): Promise<string | undefined> {
  const url = new URL(config.REDIS_URL);
  const address = `${url.hostname}:${url.port || 6379}`;
  const redis = new Redis(config.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: redisConnectTimeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // connect() rejects with "Connection is closed"; the socket's own error says why.
  let socketError: unknown;
  redis.on('error', (error) => (socketError ??= error));
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    const reason = reasonOf(socketError ?? error, redisConnectTimeoutMs);
    return `Cannot connect to Redis at ${address} (REDIS_URL): ${reason}`;
  } finally {
    redis.disconnect();
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function reasonOf(error: unknown, timeoutMs: number, timeoutVariable?: string): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return 'connection refused (is it running?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown host';
  if (code === 'ETIMEDOUT' || /timeout|timed out/i.test(message)) {
    return `no answer within ${timeoutMs} ms${timeoutVariable ? ` (${timeoutVariable})` : ''}`;
  }
  if (code === '28P01' || code === '28000') return `login refused: ${message}`;
  return message.split('\n')[0] ?? 'unknown error';
}
