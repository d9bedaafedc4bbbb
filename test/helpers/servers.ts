import { Redis } from 'ioredis';
import pg from 'pg';

export interface TestServers {
  /** A URL of the maintenance database, with rights to create databases. */
  databaseUrl: string;
  redisUrl: string;
  stop: () => Promise<void>;
}

const localDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const localRedisUrl = 'redis://127.0.0.1:6379';

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Where the test servers come from, in order: TEST_DATABASE_URL / TEST_REDIS_URL, the local
 * defaults if they answer, testcontainers where a Docker engine exists; otherwise stop at once.
 */
export async function resolveTestServers(): Promise<TestServers> {
  const stops: (() => Promise<unknown>)[] = [];
  let databaseUrl = process.env.TEST_DATABASE_URL;
  let redisUrl = process.env.TEST_REDIS_URL;

  if (!databaseUrl && (await postgresAnswers(localDatabaseUrl))) databaseUrl = localDatabaseUrl;
  if (!redisUrl && (await redisAnswers(localRedisUrl))) redisUrl = localRedisUrl;

  if (!databaseUrl || !redisUrl) {
    const containers = await startContainers({ postgres: !databaseUrl, redis: !redisUrl });
    databaseUrl ??= containers.databaseUrl;
    redisUrl ??= containers.redisUrl;
    stops.push(containers.stop);
  }
  if (!databaseUrl || !redisUrl) {
    throw new Error(
      'Tests need Postgres and Redis: start them (see README, "Prerequisites"), or set TEST_DATABASE_URL and TEST_REDIS_URL, or run where a Docker engine is available.',
    );
  }
  return {
    databaseUrl,
    redisUrl,
    stop: async () => {
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}

/** The images docker-compose.yml runs (on this machine, stand-ins made by scripts/containers). */
export const containerImages = {
  postgres: 'postgres:15.10-bookworm',
  redis: 'redis:7.4.1-bookworm',
} as const;

export async function startContainers(wanted: { postgres: boolean; redis: boolean }) {
  try {
    const [{ PostgreSqlContainer }, { GenericContainer, Wait }] = await Promise.all([
      import('@testcontainers/postgresql'),
      import('testcontainers'),
    ]);
    const postgres = wanted.postgres
      ? await new PostgreSqlContainer(containerImages.postgres).withDatabase('postgres').start()
      : undefined;
    const redis = wanted.redis
      ? await new GenericContainer(containerImages.redis)
          .withExposedPorts(6379)
          .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'))
          .start()
      : undefined;
    return {
      databaseUrl: postgres?.getConnectionUri(),
      redisUrl: redis && `redis://${redis.getHost()}:${redis.getMappedPort(6379)}`,
      stop: async () => {
        await Promise.all([postgres?.stop(), redis?.stop()]);
      },
    };
  } catch {
    // No container runtime (or no image): the caller reports what to start.
    return { databaseUrl: undefined, redisUrl: undefined, stop: async () => {} };
  }
}
