import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { admin, load } from './settings.js';

export interface Product {
  id: string;
  stock: number;
}

export interface Fixtures {
  products: Product[];
  tokens: string[];
}

async function call(url: string, init: RequestInit & { expect: number }): Promise<unknown> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== init.expect) {
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text.slice(0, 300)}`);
  }
  return text ? JSON.parse(text) : undefined;
}

async function logIn(base: string, email: string, password: string): Promise<string> {
  const body = JSON.stringify({ email, password });
  const session = (await call(`${base}/api/v1/auth/login`, {
    method: 'POST',
    body,
    expect: 200,
  })) as {
    accessToken: string;
  };
  return session.accessToken;
}

/** Products and users made through the balancer, the way any client would. */
export async function createFixtures(
  base: string,
  counts: { products: number; users: number } = load,
): Promise<Fixtures> {
  const adminToken = await logIn(base, admin.email, admin.password);
  const products: Product[] = [];
  for (let index = 0; index < counts.products; index += 1) {
    const body = JSON.stringify({
      name: `Scale product ${index}`,
      priceCents: 100 + index,
      currency: 'EUR',
      stock: load.initialStock,
    });
    const created = (await call(`${base}/api/v1/products`, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${adminToken}` },
      expect: 201,
    })) as { product: Product };
    products.push(created.product);
  }
  const tokens: string[] = [];
  for (let index = 0; index < counts.users; index += 1) {
    const email = `scale-user-${index}-${randomUUID().slice(0, 8)}@example.com`;
    const password = 'scale-user-password';
    const body = JSON.stringify({ email, password });
    await call(`${base}/api/v1/auth/register`, { method: 'POST', body, expect: 201 });
    tokens.push(await logIn(base, email, password));
  }
  return { products, tokens };
}

export interface PlacedOrder {
  id: string;
  lines: { productId: string; quantity: number }[];
}

export interface LoadResult {
  requests: number;
  placed: PlacedOrder[];
  failures: { status: number; detail: string }[];
  latenciesMs: number[];
  startedAt: number;
  endedAt: number;
}

function randomLines(products: Product[]) {
  const count = 1 + Math.floor(Math.random() * 3);
  const shuffled = [...products].sort(() => Math.random() - 0.5);
  return shuffled.slice(0, count).map(({ id: productId }) => ({
    productId,
    quantity: 1 + Math.floor(Math.random() * 3),
  }));
}

/**
 * Order load through the balancer: `concurrency` clients, each placing one order (with an
 * Idempotency-Key) per tick so that together they offer `load.ratePerSecond`; a client that
 * falls behind sends at once. Runs until `stop` aborts or the order cap is reached.
 */
export async function driveOrders(
  base: string,
  fixtures: Fixtures,
  stop: AbortSignal,
): Promise<LoadResult> {
  const result: LoadResult = {
    requests: 0,
    placed: [],
    failures: [],
    latenciesMs: [],
    startedAt: Date.now(),
    endedAt: 0,
  };
  const tickMs = (1000 * load.concurrency) / load.ratePerSecond;
  const client = async (index: number) => {
    const token = fixtures.tokens[index % fixtures.tokens.length] ?? '';
    // Staggered, so the clients' requests spread over the tick.
    let next = Date.now() + (tickMs * index) / load.concurrency;
    while (!stop.aborted && result.requests < load.maxOrders) {
      await sleep(Math.max(0, next - Date.now()));
      next = Math.max(next + tickMs, Date.now());
      const lines = randomLines(fixtures.products);
      result.requests += 1;
      const started = performance.now();
      try {
        const response = await fetch(`${base}/api/v1/orders`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify({ items: lines }),
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        result.latenciesMs.push(performance.now() - started);
        if (response.status === 201) {
          const { order } = JSON.parse(text) as { order: { id: string } };
          result.placed.push({ id: order.id, lines });
        } else {
          result.failures.push({ status: response.status, detail: text.slice(0, 200) });
        }
      } catch (error) {
        result.failures.push({ status: 0, detail: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, (_, index) => client(index)));
  result.endedAt = Date.now();
  return result;
}
