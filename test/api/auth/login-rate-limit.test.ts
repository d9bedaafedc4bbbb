import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, uniqueEmail } from '../../helpers/auth.js';

const perEmail = 3;
const perIp = 6;
const ctx = useTestApp({
  LOGIN_RATE_LIMIT_PER_EMAIL: String(perEmail),
  LOGIN_RATE_LIMIT_PER_IP: String(perIp),
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
  it('when one email exceeds its limit, then 429 with Retry-After even from another IP and with the right password', async () => {
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

    expectRateLimited(await logIn('10.0.0.2', { email, password }));
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
