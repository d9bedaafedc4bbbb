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
  /** Attempts answered 503, 409 key in use or not at all, then sent again with the same key. */
  retried: number;
  latenciesMs: number[];
  startedAt: number;
  endedAt: number;
}

export interface LoadShape {
  concurrency: number;
  ratePerSecond: number;
  maxOrders: number;
  /**
   * How long a client keeps re-sending an order answered 503 (or 409 key in use) or not
   * answered at all, with the same Idempotency-Key, as a well-behaved client does; 0 counts the
   * first failure.
   */
  retryForMs: number;
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
 * Idempotency-Key) per tick so that together they offer `ratePerSecond`; a client that
 * falls behind sends at once. Runs until `stop` aborts or the order cap is reached.
 */
export async function driveOrders(
  base: string,
  fixtures: Fixtures,
  stop: AbortSignal,
  shape: Partial<LoadShape> = {},
): Promise<LoadResult> {
  const { concurrency, ratePerSecond, maxOrders, retryForMs }: LoadShape = {
    ...load,
    retryForMs: 0,
    ...shape,
  };
  const result: LoadResult = {
    requests: 0,
    placed: [],
    failures: [],
    retried: 0,
    latenciesMs: [],
    startedAt: Date.now(),
    endedAt: 0,
  };
  const tickMs = (1000 * concurrency) / ratePerSecond;
  const send = async (token: string, key: string, lines: PlacedOrder['lines']) => {
    const response = await fetch(`${base}/api/v1/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': key,
      },
      body: JSON.stringify({ items: lines }),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, text: await response.text() };
  };
  const client = async (index: number) => {
    const token = fixtures.tokens[index % fixtures.tokens.length] ?? '';
    // Staggered, so the clients' requests spread over the tick.
    let next = Date.now() + (tickMs * index) / concurrency;
    while (!stop.aborted && result.requests < maxOrders) {
      await sleep(Math.max(0, next - Date.now()));
      next = Math.max(next + tickMs, Date.now());
      const lines = randomLines(fixtures.products);
      const key = randomUUID();
      const giveUpAt = Date.now() + retryForMs;
      result.requests += 1;
      const started = performance.now();
      for (;;) {
        const answer = await send(token, key, lines).catch((error: unknown) => ({
          status: 0,
          text: (error as Error).message,
        }));
        if (answer.status === 201) {
          result.latenciesMs.push(performance.now() - started);
          const { order } = JSON.parse(answer.text) as { order: { id: string } };
          result.placed.push({ id: order.id, lines });
          break;
        }
        // A retry can overtake its first attempt, still in flight: that is a 409 to retry too.
        const retryable =
          answer.status === 503 ||
          answer.status === 0 ||
          (answer.status === 409 && answer.text.includes('IDEMPOTENCY_KEY_IN_USE'));
        if (!retryable || Date.now() >= giveUpAt) {
          result.latenciesMs.push(performance.now() - started);
          result.failures.push({ status: answer.status, detail: answer.text.slice(0, 200) });
          break;
        }
        result.retried += 1;
        await sleep(200);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => client(index)));
  result.endedAt = Date.now();
  return result;
}
