import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import {
  freePort,
  jsonLines,
  spawnApi,
  statusOf,
  waitFor,
  type SpawnedProcess,
} from '../helpers/process.js';

let database: TestDatabase | undefined;
let api: SpawnedProcess | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await api?.kill();
  await database?.drop();
});

describe('the API process', () => {
  it('when it runs, then /metrics answers on METRICS_HOST:METRICS_PORT and 404 on the API port', async () => {
    const port = await freePort();
    api = spawnApi(database!.url, port, {
      METRICS_PORT: '0',
      LOG_LEVEL: 'info',
    });
    const metricsUrl = await waitFor('the metrics listener', () => {
      const line = jsonLines(api!.output()).find(
        (entry) => entry.listener === 'metrics' && String(entry.msg).startsWith('Server listening'),
      );
      return line ? String(line.msg).replace('Server listening at ', '') : undefined;
    });

    expect(new URL(metricsUrl).hostname).toBe('127.0.0.1');
    expect(await statusOf(`${metricsUrl}/metrics`)).toBe(200);
    expect(await statusOf(`http://127.0.0.1:${port}/metrics`)).toBe(404);
  });
});
