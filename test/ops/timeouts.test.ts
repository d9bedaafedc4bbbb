import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { sql, StatementTimeoutError } from 'slonik';
import { describe, expect, it } from 'vitest';
import { isDependencyFailure } from '../../src/api/problem.js';
import { loadConfig } from '../../src/config.js';
import { expectProblem } from '../helpers/auth.js';
import { useCapturedApp } from './captured-app.js';

const ctx = useCapturedApp({
  overrides: {
    HTTP_REQUEST_TIMEOUT_MS: '4000',
    HTTP_HEADERS_TIMEOUT_MS: '3000',
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '300',
    DATABASE_STATEMENT_TIMEOUT_MS: '300',
    SEARCH_STATEMENT_TIMEOUT_MS: '300',
  },
  addRoutes: (app, db) => {
    app.get('/test/slow-query', async () => db.query(sql.unsafe`SELECT pg_sleep(3)`));
  },
});

describe('server timeouts', () => {
  it('when the app is built, then request, headers and keep-alive timeouts come from config', () => {
    expect(ctx.app.server.requestTimeout).toBe(4000);
    expect(ctx.app.server.headersTimeout).toBe(3000);
    expect(ctx.app.server.keepAliveTimeout).toBe(300);
  });

  it('when a keep-alive connection stays idle past HTTP_KEEP_ALIVE_TIMEOUT_MS, then the server closes it', async () => {
    await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = ctx.app.server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    const closedAfter = new Promise<number>((resolve) => {
      let answeredAt = 0;
      socket.on('data', () => (answeredAt = performance.now()));
      socket.on('close', () => resolve(performance.now() - answeredAt));
    });
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    const idleMs = await closedAfter;
    expect(idleMs).toBeGreaterThan(250);
    expect(idleMs).toBeLessThan(3_000);
  });

  it('when the headers timeout exceeds the request timeout, then the config is rejected', () => {
    expect(() =>
      loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '2000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });
});

describe('database statement timeout', () => {
  it('when a query runs longer than DATABASE_STATEMENT_TIMEOUT_MS, then Postgres cancels it and it counts as a dependency failure', async () => {
    const started = performance.now();
    const error = await ctx.db.query(sql.unsafe`SELECT pg_sleep(3)`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatementTimeoutError);
    expect(isDependencyFailure(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_500);
    // The pool stays usable.
    expect(await ctx.db.oneFirst(sql.unsafe`SELECT 1 AS ok`)).toBe(1);
  });

  it('when a route runs into the statement timeout, then it answers 503 SERVICE_UNAVAILABLE', async () => {
    const started = performance.now();
    const response = await ctx.app.inject({ url: '/test/slow-query' });
    expectProblem(response, 503, 'SERVICE_UNAVAILABLE');
    expect(response.headers['retry-after']).toBe('1');
    expect(response.body).not.toMatch(/pg_sleep|statement timeout/i);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});
