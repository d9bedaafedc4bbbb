/**
 * The compose smoke, run against a stack that is up (locally by compose-smoke.sh, on GitHub
 * by the workflow): one order placed through the API and confirmed by the worker, then
 * Prometheus must scrape both processes and every dashboard query (any file in
 * observability/grafana/dashboards) must return a series — 0, not "No data".
 *
 *   npx tsx scripts/containers/smoke.ts <api url> <prometheus url> <admin email> <admin password>
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { dashboardQueries } from '../../test/helpers/dashboards.js';

const [apiUrl, prometheusUrl, adminEmail, adminPassword] = process.argv.slice(2);
if (!apiUrl || !prometheusUrl || !adminEmail || !adminPassword) {
  console.error('usage: smoke.ts <api url> <prometheus url> <admin email> <admin password>');
  process.exit(2);
}

/** Retries `attempt` until it returns a value, or fails with its last complaint. */
async function until<T>(what: string, seconds: number, attempt: () => Promise<T | string>) {
  const deadline = Date.now() + seconds * 1000;
  let last = '';
  while (Date.now() < deadline) {
    const result = await attempt().catch((error: unknown) => String(error));
    if (typeof result !== 'string') return result;
    last = result;
    await sleep(1000);
  }
  throw new Error(`${what}: not within ${seconds} s (${last})`);
}

async function api(path: string, init: { token?: string; body?: unknown; headers?: object } = {}) {
  const response = await fetch(`${apiUrl}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

await until('API ready', 60, async () => {
  const response = await fetch(`${apiUrl}/readyz`);
  return response.ok ? true : `readyz ${response.status}`;
});
const { accessToken } = (await api('/api/v1/auth/login', {
  body: { email: adminEmail, password: adminPassword },
})) as { accessToken: string };
const { product } = (await api('/api/v1/products', {
  token: accessToken,
  body: { name: `Smoke test mug ${randomUUID()}`, priceCents: 1800, currency: 'USD', stock: 5 },
})) as { product: { id: string } };
const { order } = (await api('/api/v1/orders', {
  token: accessToken,
  headers: { 'idempotency-key': `smoke-${randomUUID()}` },
  body: { items: [{ productId: product.id, quantity: 1 }] },
})) as { order: { id: string } };
await until(`order ${order.id} confirmed`, 30, async () => {
  const { order: current } = (await api(`/api/v1/orders/${order.id}`, {
    token: accessToken,
  })) as { order: { status: string } };
  return current.status === 'confirmed' ? true : `status ${current.status}`;
});
console.log(`order ${order.id} confirmed`);

async function query(expr: string): Promise<unknown[]> {
  const url = `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`;
  const body = (await (await fetch(url)).json()) as {
    status: string;
    error?: string;
    data?: { result: unknown[] };
  };
  if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
  return body.data?.result ?? [];
}

await until('Prometheus scrapes api and worker', 60, async () => {
  const up = await query('sum(up{job=~"api|worker"})');
  return JSON.stringify(up).includes('"2"') ? true : `up: ${JSON.stringify(up)}`;
});
// rate() needs two scrapes after the order: wait until every query has a series.
const queries = dashboardQueries();
await until(`every dashboard query returns a series (${queries.length})`, 90, async () => {
  const empty: string[] = [];
  for (const { where, expr } of queries) {
    if ((await query(expr)).length === 0) empty.push(`${where}: ${expr}`);
  }
  return empty.length === 0 ? true : `no data:\n  ${empty.join('\n  ')}`;
});
console.log(`Prometheus: both processes up, ${queries.length} dashboard queries all have data`);
