import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import {
  freePort,
  sleep,
  spawnApi,
  statusOf,
  waitFor,
  type SpawnedProcess,
} from '../helpers/process.js';

const drainDelayMs = 1_500;
const clients = 16;
/** A load balancer's readiness probe: it stops routing after this many 503s in a row. */
const probeIntervalMs = 100;
const failuresToEject = 2;

let database: TestDatabase | undefined;
let api: SpawnedProcess | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await api?.kill();
  await database?.drop();
});

interface Outcome {
  sentAt: number;
  answeredAt?: number;
  status?: number;
  connection?: string;
  error?: string;
}

function get(agent: Agent, port: number, path: string): Promise<Outcome> {
  const sentAt = performance.now();
  return new Promise((resolve) => {
    const req = request({ agent, host: '127.0.0.1', port, path, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          sentAt,
          answeredAt: performance.now(),
          status: res.statusCode,
          connection: res.headers.connection,
        }),
      );
      res.on('error', (error) => resolve({ sentAt, error: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', (error) => resolve({ sentAt, error: error.message }));
    req.end();
  });
}

describe('SIGTERM under a burst that spans the drain', () => {
  it('when clients keep sending until the load balancer sees /readyz 503, then no request fails or is reset, and answers in the window say Connection: close', async () => {
    const port = await freePort();
    api = spawnApi(database!.url, port, {
      SHUTDOWN_DRAIN_DELAY_MS: String(drainDelayMs),
      LOG_LEVEL: 'warn',
    });
    await waitFor('the API to be ready', async () =>
      (await statusOf(`http://127.0.0.1:${port}/readyz`)) === 200 ? true : undefined,
    );

    let routing = true;
    let drainSeenAt = Number.POSITIVE_INFINITY;
    const probe = (async () => {
      const probeAgent = new Agent({ keepAlive: false });
      let failures = 0;
      while (routing) {
        const { status, answeredAt } = await get(probeAgent, port, '/readyz');
        failures = status === 200 ? 0 : failures + 1;
        if (status === 503 && answeredAt) drainSeenAt = Math.min(drainSeenAt, answeredAt);
        if (failures >= failuresToEject) routing = false;
        await sleep(probeIntervalMs);
      }
    })();
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    const paths = ['/api/v1/products?limit=5', '/healthz', '/docs/openapi.json'];
    const outcomes: Outcome[] = [];
    const load = Array.from({ length: clients }, async (_, client) => {
      for (let index = client; routing; index++) {
        outcomes.push(await get(agent, port, paths[index % paths.length]!));
      }
    });

    await sleep(300);
    api.child.kill('SIGTERM');
    await Promise.all([probe, ...load]);
    const { code } = await api.exited;
    agent.destroy();

    const failed = outcomes.filter((outcome) => outcome.status !== 200);
    // Sent after the probe's 503 came back, so handled once the server was draining (a request
    // sent just after the probe's may still be handled before it).
    const inWindow = outcomes.filter((outcome) => outcome.sentAt > drainSeenAt);
    console.info(
      `${outcomes.length} requests, ${inWindow.length} sent during the drain, ${failed.length} failed`,
    );
    expect(failed).toEqual([]);
    expect(inWindow.length).toBeGreaterThan(0);
    expect(inWindow.filter((outcome) => outcome.connection !== 'close')).toEqual([]);
    expect(code).toBe(0);
  });
});
