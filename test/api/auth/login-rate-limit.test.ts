import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, uniqueEmail } from '../../helpers/auth.js';

const perEmail = 3;
const perIp = 6;
const registerPerIp = 4;
const ctx = useTestApp({
  LOGIN_RATE_LIMIT_PER_EMAIL: String(perEmail),
  LOGIN_RATE_LIMIT_PER_IP: String(perIp),
  REGISTER_RATE_LIMIT_PER_IP: String(registerPerIp),
});

// Each test logs in from its own client address, so the per-IP buckets do not interfere.
const logIn = (remoteAddress: string, payload: { email: string; password: string }) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload });

function expectRateLimited(res: Awaited<ReturnType<typeof logIn>>) {
  expectProblem(res, 429, 'RATE_LIMITED');
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('login rate limits', () => {
  it('when one email exceeds its limit from one IP, then 429 with Retry-After there, while its owner still logs in from another IP', async () => {
    const email = uniqueEmail('target');
    const password = 'correct horse battery';
    const registered = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password },
    });
    expect(registered.statusCode).toBe(201);
    for (let attempt = 0; attempt < perEmail; attempt++) {
      // Varying the case proves the bucket is the normalised email.
      const res = await logIn('10.0.0.1', {
        email: attempt % 2 ? email.toUpperCase() : email,
        password: 'wrong password',
      });
      expectProblem(res, 401, 'INVALID_CREDENTIALS');
    }

    expectRateLimited(await logIn('10.0.0.1', { email, password }));
    expect((await logIn('10.0.0.2', { email, password })).statusCode).toBe(200);
  });

  it('when a login is let through, then RateLimit-* headers show the tightest bucket', async () => {
    const res = await logIn('10.0.4.1', { email: uniqueEmail(), password: 'wrong password' });

    expect(res.headers['ratelimit-limit']).toBe(String(perEmail));
    expect(res.headers['ratelimit-remaining']).toBe(String(perEmail - 1));
    expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
  });

  it('when one email is limited, then another email from the same IP still logs in', async () => {
    const limited = uniqueEmail('limited');
    for (let attempt = 0; attempt <= perEmail; attempt++) {
      await logIn('10.0.1.1', { email: limited, password: 'wrong password' });
    }
    const { email, password } = await registerAndLogIn(ctx.app, 'bystander');

    const res = await logIn('10.0.1.1', { email, password });

    expect(res.statusCode).toBe(200);
  });

  it('when one IP exceeds its limit with many emails, then 429 with Retry-After for that IP only', async () => {
    for (let attempt = 0; attempt < perIp; attempt++) {
      const res = await logIn('10.0.2.1', { email: uniqueEmail(), password: 'wrong password' });
      expectProblem(res, 401, 'INVALID_CREDENTIALS');
    }
    const { email, password } = await registerAndLogIn(ctx.app, 'victim');

    expectRateLimited(await logIn('10.0.2.1', { email, password }));
    expect((await logIn('10.0.2.2', { email, password })).statusCode).toBe(200);
  });

  it('when the per-IP limit is hit, then even invalid bodies are refused before validation', async () => {
    for (let attempt = 0; attempt < perIp; attempt++) {
      await logIn('10.0.3.1', { email: uniqueEmail(), password: 'wrong password' });
    }

    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.0.3.1',
      payload: { nonsense: true },
    });

    expectRateLimited(res);
  });
});

describe('registration rate limit', () => {
  const register = (remoteAddress: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      remoteAddress,
      payload: { email: uniqueEmail('signup'), password: 'correct horse battery' },
    });

  it('when one IP registers more accounts than its limit, then 429 with Retry-After for that IP only', async () => {
    for (let attempt = 0; attempt < registerPerIp; attempt++) {
      const res = await register('10.1.0.1');
      expect(res.statusCode).toBe(201);
      expect(res.headers['ratelimit-remaining']).toBe(String(registerPerIp - attempt - 1));
    }

    expectRateLimited(await register('10.1.0.1'));
    expect((await register('10.1.0.2')).statusCode).toBe(201);
  });
});

describe('behind one trusted proxy (TRUST_PROXY=1)', () => {
  const proxied = useTestApp({ TRUST_PROXY: '1', LOGIN_RATE_LIMIT_PER_IP: String(perIp) });

  it('when a client spoofs the left-most X-Forwarded-For on every attempt, then the per-IP login limit still applies to its real address', async () => {
    const attempt = (spoofed: string) =>
      proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        // The load balancer (10.0.0.10) appends the address it saw: the right-most entry.
        remoteAddress: '10.0.0.10',
        headers: { 'x-forwarded-for': `${spoofed}, 203.0.113.7` },
        payload: { email: uniqueEmail(), password: 'wrong password' },
      });
    for (let index = 0; index < perIp; index++) {
      expectProblem(await attempt(`198.51.100.${index}`), 401, 'INVALID_CREDENTIALS');
    }

    expectRateLimited(await attempt('198.51.100.200'));
  });
});
