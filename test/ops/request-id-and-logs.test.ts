import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../src/logger.js';
import { expectProblem, registerAndLogIn } from '../helpers/auth.js';
import { useCapturedApp } from './captured-app.js';

const ctx = useCapturedApp();

function linesFor(requestId: string) {
  return ctx.logLines().filter((line) => line.requestId === requestId);
}

describe('request id', () => {
  it('when a valid X-Request-Id comes in, then it is echoed, put in error bodies and in the log lines of that request', async () => {
    const requestId = 'Client-1.trace:42_x-y';
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/no-such-route',
      headers: { 'x-request-id': requestId },
    });
    expect(response.headers['x-request-id']).toBe(requestId);
    expect(expectProblem(response, 404, 'NOT_FOUND').requestId).toBe(requestId);
    const lines = linesFor(requestId);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.find((line) => line.msg === 'request completed')?.route).toBe('unmatched');
  });

  it('when the id is 128 characters, then it is kept; at 129 it is replaced', async () => {
    const longest = 'a'.repeat(128);
    const kept = await ctx.app.inject({ url: '/healthz', headers: { 'x-request-id': longest } });
    expect(kept.headers['x-request-id']).toBe(longest);
    const tooLong = await ctx.app.inject({
      url: '/healthz',
      headers: { 'x-request-id': `${longest}a` },
    });
    expect(tooLong.headers['x-request-id']).not.toBe(`${longest}a`);
    expect(tooLong.headers['x-request-id']).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
  });

  it.each([
    ['spaces', 'has spaces'],
    ['a slash', 'a/b'],
    ['a log-injection attempt', 'x\\n{"level":"fatal"}'],
    ['an empty value', ''],
  ])('when the incoming id has %s, then a generated one replaces it', async (_case, invalid) => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-request-id': invalid },
      payload: {},
    });
    const generated = response.headers['x-request-id'] as string;
    expect(generated).not.toBe(invalid);
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(expectProblem(response, 400, 'VALIDATION_FAILED').requestId).toBe(generated);
    expect(linesFor(generated).length).toBeGreaterThan(0);
  });

  it('when no id comes in, then each request gets a distinct generated one', async () => {
    const [a, b] = await Promise.all([
      ctx.app.inject({ url: '/healthz' }),
      ctx.app.inject({ url: '/healthz' }),
    ]);
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});

describe('logs', () => {
  it('when a request is served, then its log line is JSON with service, requestId, route, status and duration', async () => {
    const response = await ctx.app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'log-1' },
    });
    expect(response.statusCode).toBe(200);
    const completed = linesFor('log-1').find((line) => line.msg === 'request completed');
    expect(completed).toMatchObject({
      level: 'info',
      service: 'api',
      requestId: 'log-1',
      method: 'GET',
      route: '/healthz',
      statusCode: 200,
    });
    expect(typeof completed?.durationMs).toBe('number');
    expect(typeof completed?.time).toBe('string');
  });

  it('when requests carry passwords, tokens and authorization headers, then none of them reaches the log', async () => {
    const user = await registerAndLogIn(ctx.app, 'secrets');
    const secrets = [user.password, user.accessToken, user.refreshToken];
    await ctx.app.inject({ url: '/api/v1/users/me', headers: user.headers });
    await ctx.app.inject({
      url: '/api/v1/users/me',
      headers: { authorization: 'Bearer not-a-jwt-but-secret-1', cookie: 'session=secret-2' },
    });
    await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'wrong-password-secret-3' },
    });
    const output = ctx.logText();
    expect(output).toContain('request completed');
    for (const secret of [...secrets, 'not-a-jwt-but-secret-1', 'secret-2', 'secret-3']) {
      expect(output).not.toContain(secret);
    }
  });

  it('when our own code logs objects holding secrets, then the logger redacts them', () => {
    let output = '';
    const logger = pino(
      loggerOptions({ LOG_LEVEL: 'info' }, 'test'),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          output += chunk.toString();
          done();
        },
      }),
    );
    logger.info(
      {
        req: { headers: { authorization: 'Bearer s1', cookie: 's2', 'idempotency-key': 's3' } },
        headers: { authorization: 'Bearer s4' },
        password: 's5',
        body: { password: 's6', refreshToken: 's7', accessToken: 's8', token: 's9' },
        user: { email: 'a@example.test', passwordHash: 's10' },
      },
      'a structured line',
    );
    const line = JSON.parse(output) as Record<string, any>;
    expect(line.service).toBe('test');
    expect(line.user.email).toBe('a@example.test');
    expect(output).not.toMatch(/"s\d+"|Bearer/);
  });
});
