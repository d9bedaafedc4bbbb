import { describe, expect, it } from 'vitest';
import { promoteUser } from '../../../src/domain/auth/users.js';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, logIn, registerAndLogIn } from '../../helpers/auth.js';
import { decodeJwtPart, sessionShape } from './support.js';

const ctx = useTestApp();

const refresh = (refreshToken: unknown) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });

describe('POST /auth/refresh', () => {
  it('when the token is live, then 200 with a new session for the same user', async () => {
    const signedIn = await registerAndLogIn(ctx.app);

    const res = await refresh(signedIn.refreshToken);

    expect(res.statusCode).toBe(200);
    const session = sessionShape.parse(res.json());
    expect(session).toEqual(res.json());
    expect(session.user.id).toBe(signedIn.userId);
    expect(session.refreshToken).not.toBe(signedIn.refreshToken);
    expect(decodeJwtPart(session.accessToken, 1).sub).toBe(signedIn.userId);
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.statusCode).toBe(200);
  });

  it('when a token was rotated, then presenting the old one again is refused', async () => {
    const { refreshToken } = await registerAndLogIn(ctx.app);
    expect((await refresh(refreshToken)).statusCode).toBe(200);

    expectProblem(await refresh(refreshToken), 401, 'INVALID_REFRESH_TOKEN');
  });

  it('when tokens are rotated in a chain, then each new one works exactly once', async () => {
    let { refreshToken } = await registerAndLogIn(ctx.app);
    for (let step = 0; step < 3; step++) {
      const res = await refresh(refreshToken);
      expect(res.statusCode).toBe(200);
      refreshToken = res.json().refreshToken;
    }
  });

  it('when a rotated token is reused, then the whole family is revoked, including its successor', async () => {
    const { refreshToken: stolen } = await registerAndLogIn(ctx.app);
    const successor = (await refresh(stolen)).json().refreshToken;

    expectProblem(await refresh(stolen), 401, 'INVALID_REFRESH_TOKEN');

    expectProblem(await refresh(successor), 401, 'INVALID_REFRESH_TOKEN');
  });

  it('when one family is revoked for reuse, then the same user’s other logins keep working', async () => {
    const first = await registerAndLogIn(ctx.app);
    const second = await logIn(ctx.app, first.email, first.password);
    await refresh(first.refreshToken);
    await refresh(first.refreshToken);

    expect((await refresh(second.refreshToken)).statusCode).toBe(200);
  });

  it('when the user was promoted meanwhile, then the refreshed access token carries the new role', async () => {
    const signedIn = await registerAndLogIn(ctx.app);
    await promoteUser({ db: ctx.db }, signedIn.email);

    const res = await refresh(signedIn.refreshToken);

    expect(decodeJwtPart(res.json().accessToken, 1).role).toBe('admin');
    expect(res.json().user.role).toBe('admin');
  });

  it('when the token is unknown, then 401 INVALID_REFRESH_TOKEN', async () => {
    expectProblem(await refresh('x'.repeat(43)), 401, 'INVALID_REFRESH_TOKEN');
  });

  it('when the access token is sent as a refresh token, then 401 INVALID_REFRESH_TOKEN', async () => {
    const { accessToken } = await registerAndLogIn(ctx.app);

    expectProblem(await refresh(accessToken), 401, 'INVALID_REFRESH_TOKEN');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['a number', 42],
    ['longer than 512 characters', 'x'.repeat(513)],
  ])('when the refresh token is %s, then 400 VALIDATION_FAILED', async (_, refreshToken) => {
    const problem = expectProblem(await refresh(refreshToken), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.length).toBeGreaterThan(0);
  });

  it('when an unknown field is sent, then 400 VALIDATION_FAILED', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: 'x', userId: 'someone' },
    });

    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('when the body is not JSON, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { 'content-type': 'text/plain' },
      payload: 'some-token',
    });

    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('when 20 requests refresh one token at once, then exactly one wins and 19 get 401', async () => {
    const { refreshToken } = await registerAndLogIn(ctx.app);

    const answers = await Promise.all(Array.from({ length: 20 }, () => refresh(refreshToken)));

    const winners = answers.filter((res) => res.statusCode === 200);
    expect(winners).toHaveLength(1);
    for (const loser of answers.filter((res) => res.statusCode !== 200)) {
      expectProblem(loser, 401, 'INVALID_REFRESH_TOKEN');
    }
    // The losers presented a rotated token, which counts as reuse: the winner's chain dies too.
    expectProblem(await refresh(winners[0]!.json().refreshToken), 401, 'INVALID_REFRESH_TOKEN');
  });
});
