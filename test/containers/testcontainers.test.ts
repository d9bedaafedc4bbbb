/**
 * The tests' last fallback (test/helpers/servers.ts): testcontainers on a Docker engine. Runs where
 * an engine answers and the compose images exist locally (here: made by scripts/containers);
 * skipped otherwise, as the fallback itself is.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { containerImages, startContainers } from '../helpers/servers.js';

// The reaper's image comes from the registry, out of reach here: the test stops what it starts.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
const { getContainerRuntimeClient, ImageName } = await import('testcontainers');

async function imagesAvailable(): Promise<boolean> {
  try {
    const client = await getContainerRuntimeClient();
    const found = await Promise.all(
      Object.values(containerImages).map((image) =>
        client.image.exists(ImageName.fromString(image)),
      ),
    );
    return found.every(Boolean);
  } catch {
    return false;
  }
}

const available = await imagesAvailable();

describe.skipIf(!available)('testcontainers fallback', () => {
  const stops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(stops.map((stop) => stop()));
  });

  it('when neither server is given, then containers serve Postgres and Redis', async () => {
    const servers = await startContainers({ postgres: true, redis: true });
    stops.push(servers.stop);
    expect(servers.databaseUrl).toBeDefined();
    expect(servers.redisUrl).toBeDefined();

    const client = new pg.Client({ connectionString: servers.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
      expect(rows[0]?.server_version).toMatch(/^15\./);
    } finally {
      await client.end();
    }
    const redis = new Redis(servers.redisUrl ?? '', { lazyConnect: true });
    try {
      await redis.connect();
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
    }
  }, 120_000);
});
