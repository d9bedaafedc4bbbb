import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, uniqueEmail } from '../../helpers/auth.js';
import { decodeJwtPart, nowInSeconds, sessionShape } from './support.js';

const ctx = useTestApp();

const logIn = (payload: unknown) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: payload as object });

describe('POST /auth/login', () => {
  it('when the credentials are right, then 200 with exactly the documented session', async () => {
    const { email, password, userId } = await registerAndLogIn(ctx.app);

    const res = await logIn({ email, password });

    expect(res.statusCode).toBe(200);
    const session = res.json();
    expect(sessionShape.parse(session)).toEqual(session);
    expect(session).toMatchObject({ tokenType: 'Bearer', expiresIn: 15 * 60 });
    expect(session.user).toMatchObject({ id: userId, email, role: 'user' });
    expect(res.body).not.toContain(password);
    expect(res.body.toLowerCase()).not.toContain('password');
  });

  it('when the email differs in case and spacing, then the login still succeeds', async () => {
    const { email, password } = await registerAndLogIn(ctx.app);

    const res = await logIn({ email: ` ${email.toUpperCase()} `, password });

    expect(res.statusCode).toBe(200);
  });

  it('when logging in, then the access token is an HS256 JWT with sub, role, iat, exp and jti', async () => {
    const { email, password, userId } = await registerAndLogIn(ctx.app);
    const before = nowInSeconds();

    const { accessToken } = (await logIn({ email, password })).json();

    expect(decodeJwtPart(accessToken, 0)).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwtPart(accessToken, 1);
    expect(claims).toEqual({
      sub: userId,
      role: 'user',
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.exp).toBe((claims.iat as number) + 15 * 60);
  });

  it('when logging in twice, then each session has its own jti and refresh token', async () => {
    const { email, password } = await registerAndLogIn(ctx.app);

    const first = (await logIn({ email, password })).json();
    const second = (await logIn({ email, password })).json();

    expect(decodeJwtPart(first.accessToken, 1).jti).not.toBe(
      decodeJwtPart(second.accessToken, 1).jti,
    );
    expect(first.refreshToken).not.toBe(second.refreshToken);
  });

  it('when logging in, then the refresh token is opaque: not a JWT, 256 bits of base64url', async () => {
    const { refreshToken } = await registerAndLogIn(ctx.app);

    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('when the password is wrong or the email unknown, then the same 401 INVALID_CREDENTIALS', async () => {
    const { email, password } = await registerAndLogIn(ctx.app);

    const wrongPassword = await logIn({ email, password: `${password}!` });
    const unknownEmail = await logIn({ email: uniqueEmail('nobody'), password });

    const a = expectProblem(wrongPassword, 401, 'INVALID_CREDENTIALS');
    const b = expectProblem(unknownEmail, 401, 'INVALID_CREDENTIALS');
    expect({ ...a, requestId: undefined }).toEqual({ ...b, requestId: undefined });
    expect(Object.keys(wrongPassword.headers).sort()).toEqual(
      Object.keys(unknownEmail.headers).sort(),
    );
  });

  it.each([
    ['the password is missing', { email: 'a@example.test' }],
    ['the password is empty', { email: 'a@example.test', password: '' }],
    ['the password has 129 characters', { email: 'a@example.test', password: 'p'.repeat(129) }],
    ['the email is not an email', { email: 'nope', password: 'whatever1' }],
    ['an unknown field is sent', { email: 'a@example.test', password: 'whatever1', mfa: '1' }],
    ['the body is an array', [{ email: 'a@example.test', password: 'whatever1' }]],
  ])('when %s, then 400 VALIDATION_FAILED with errors', async (_, body) => {
    const problem = expectProblem(await logIn(body), 400, 'VALIDATION_FAILED');

    expect(problem.errors?.length).toBeGreaterThan(0);
  });

  it('when the body is not JSON, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'a@example.test:secret',
    });

    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});
