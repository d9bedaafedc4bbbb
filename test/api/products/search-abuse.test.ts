import { createPool, sql } from 'slonik';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem } from '../../helpers/auth.js';

const searchesPerIp = 5;
const searchTimeoutMs = 300;
const ctx = useTestApp({
  SEARCH_RATE_LIMIT_PER_IP: String(searchesPerIp),
  SEARCH_STATEMENT_TIMEOUT_MS: String(searchTimeoutMs),
});

let address = 0;
/** Each request from its own client IP unless told, so the search limit stays out of the way. */
const search = (q: string, remoteAddress = `10.2.0.${++address}`) =>
  ctx.app.inject({
    method: 'GET',
    url: `/api/v1/products?${new URLSearchParams({ q })}`,
    remoteAddress,
  });

describe('GET /products?q that cannot be answered quickly', () => {
  it.each([
    ['200 wildcard characters', '%_'.repeat(100)],
    ['only punctuation', '%%%___%%%'],
    ['two letters', 'ab'],
    ['letters never three in a row', 'a%b_c d'],
    ['65 characters', 'a'.repeat(65)],
  ])('when q is %s, then 400 VALIDATION_FAILED naming q', async (_label, q) => {
    const problem = expectProblem(await search(q), 400, 'VALIDATION_FAILED');
    expect(new Set(problem.errors.map((error: { path: string }) => error.path))).toEqual(
      new Set(['q']),
    );
  });

  it('when q has three letters among wildcards, then they are taken literally and it answers 200', async () => {
    const res = await search('%_%abc%_%');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });

  it('when the search statement runs past SEARCH_STATEMENT_TIMEOUT_MS, then 400 on q soon after, not after the write timeout', async () => {
    // A table lock held elsewhere stalls the search exactly as a slow plan would.
    const other = await createPool(ctx.config.DATABASE_URL);
    let release: () => void = () => {};
    let locked: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const locking = other.transaction(async (transaction) => {
      await transaction.query(sql.unsafe`LOCK TABLE products IN ACCESS EXCLUSIVE MODE`);
      locked();
      await held;
    });
    try {
      await isLocked;
      const started = performance.now();
      const res = await search('lantern');
      const elapsedMs = performance.now() - started;

      const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(['q']);
      expect(elapsedMs).toBeGreaterThanOrEqual(searchTimeoutMs - 50);
      expect(elapsedMs).toBeLessThan(ctx.config.DATABASE_STATEMENT_TIMEOUT_MS);
    } finally {
      release();
      await locking;
      await other.end();
    }
  });
});

describe('search rate limit', () => {
  it('when one IP searches more than SEARCH_RATE_LIMIT_PER_IP a minute, then 429 with Retry-After and RateLimit-* headers', async () => {
    for (let attempt = 0; attempt < searchesPerIp; attempt++) {
      const res = await search('lantern', '10.3.0.1');
      expect(res.statusCode).toBe(200);
      expect(res.headers['ratelimit-limit']).toBe(String(searchesPerIp));
      expect(res.headers['ratelimit-remaining']).toBe(String(searchesPerIp - attempt - 1));
    }

    const limited = await search('lantern', '10.3.0.1');
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await search('lantern', '10.3.0.2')).statusCode).toBe(200);
  });

  it('when the same IP lists without q, then listing is not counted as searching', async () => {
    for (let attempt = 0; attempt <= searchesPerIp; attempt++) {
      await search('lantern', '10.3.1.1');
    }

    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/products',
      remoteAddress: '10.3.1.1',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['ratelimit-limit']).toBeUndefined();
  });
});
