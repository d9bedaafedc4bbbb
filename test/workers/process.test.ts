import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import {
  freePort,
  jsonLines,
  spawnEntry,
  statusOf,
  waitFor,
  type SpawnedProcess,
} from '../helpers/process.js';
import { placeOrderOverHttp, waitForStatus } from '../helpers/worker.js';

const ctx = useTestApp();

describe('worker process (src/workers/main.ts)', () => {
  let worker: SpawnedProcess | undefined;

  afterAll(async () => {
    await worker?.kill();
  });

  it('when it runs, then it serves health, confirms orders, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    worker = spawnEntry('src/workers/main.ts', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: ctx.config.DATABASE_URL,
      REDIS_URL: ctx.config.REDIS_URL,
      REDIS_KEY_PREFIX: ctx.config.REDIS_KEY_PREFIX,
      WORKER_PORT: String(port),
      RELAY_POLL_MAX_MS: '200',
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor('the worker to listen', () => statusOf(`${base}/healthz`), 20_000);

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.text()).toMatch(/^outbox_backlog\{service="orders-worker"\} \d+$/m);

    // Across processes: the API writes the outbox, the worker process confirms.
    const user = await registerAndLogIn(ctx.app);
    const product = await createProduct(ctx.db);
    const order = await placeOrderOverHttp(ctx.app, user, [{ productId: product.id, quantity: 1 }]);
    await waitForStatus(ctx.db, order.id, 'confirmed');

    worker.child.kill('SIGTERM');
    const exit = await worker.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    const messages = jsonLines(worker.output()).map((line) => line.msg);
    expect(messages).toContain('shutdown complete');
  }, 40_000);
});
