import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, logIn, registerAndLogIn } from '../../helpers/auth.js';

const ctx = useTestApp();

const post = (url: string, payload?: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: `/api/v1/auth/${url}`, payload, headers });
const refresh = (refreshToken: string) => post('refresh', { refreshToken });
const logOut = (refreshToken: unknown) => post('logout', { refreshToken });

describe('POST /auth/logout', () => {
  it('when a live token is logged out, then 204 with no body and the token stops refreshing', async () => {
    const { refreshToken } = await registerAndLogIn(ctx.app);

    const res = await logOut(refreshToken);

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await refresh(refreshToken), 401, 'INVALID_REFRESH_TOKEN');
  });

  it('when the same token is logged out twice, then 204 both times', async () => {
    const { refreshToken } = await registerAndLogIn(ctx.app);

    expect((await logOut(refreshToken)).statusCode).toBe(204);
    expect((await logOut(refreshToken)).statusCode).toBe(204);
  });

  it('when the token is unknown, then 204 all the same (nothing to probe)', async () => {
    expect((await logOut('never-issued')).statusCode).toBe(204);
  });

  it('when one session logs out, then the same user’s other session keeps working', async () => {
    const first = await registerAndLogIn(ctx.app);
    const second = await logIn(ctx.app, first.email, first.password);

    await logOut(first.refreshToken);

    expect((await refresh(second.refreshToken)).statusCode).toBe(200);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not a string', { token: 'x' }],
  ])('when the refresh token is %s, then 400 VALIDATION_FAILED', async (_, refreshToken) => {
    expectProblem(await logOut(refreshToken), 400, 'VALIDATION_FAILED');
  });

  it('when the body is not JSON, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'content-type': 'application/xml' },
      payload: '<refreshToken>x</refreshToken>',
    });

    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('POST /auth/logout-all', () => {
  it('when a user logs out everywhere, then every session of theirs dies and other users’ live on', async () => {
    const alice = await registerAndLogIn(ctx.app, 'alice');
    const aliceElsewhere = await logIn(ctx.app, alice.email, alice.password);
    const aliceRotated = (await refresh(aliceElsewhere.refreshToken)).json().refreshToken;
    const bob = await registerAndLogIn(ctx.app, 'bob');

    const res = await post('logout-all', undefined, alice.headers);

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await refresh(alice.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
    expectProblem(await refresh(aliceRotated), 401, 'INVALID_REFRESH_TOKEN');
    expect((await refresh(bob.refreshToken)).statusCode).toBe(200);
  });

  it('when logged out everywhere, then the access token still works until it expires (stateless JWT)', async () => {
    const user = await registerAndLogIn(ctx.app);

    await post('logout-all', undefined, user.headers);

    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: user.headers,
    });
    expect(me.statusCode).toBe(200);
  });

  it('when called twice, then 204 both times', async () => {
    const user = await registerAndLogIn(ctx.app);

    expect((await post('logout-all', undefined, user.headers)).statusCode).toBe(204);
    expect((await post('logout-all', undefined, user.headers)).statusCode).toBe(204);
  });

  it('when a user logs in again after logging out everywhere, then the new session works', async () => {
    const user = await registerAndLogIn(ctx.app);
    await post('logout-all', undefined, user.headers);

    const again = await logIn(ctx.app, user.email, user.password);

    expect((await refresh(again.refreshToken)).statusCode).toBe(200);
  });

  it.each([
    ['there is no access token', {}],
    ['the access token is garbage', { authorization: 'Bearer garbage' }],
  ])('when %s, then 401 UNAUTHENTICATED and nothing is revoked', async (_, headers) => {
    const user = await registerAndLogIn(ctx.app);

    expectProblem(await post('logout-all', undefined, headers), 401, 'UNAUTHENTICATED');
    expect((await refresh(user.refreshToken)).statusCode).toBe(200);
  });

  it('when a refresh token is sent instead of an access token, then 401 UNAUTHENTICATED', async () => {
    const user = await registerAndLogIn(ctx.app);

    const res = await post('logout-all', undefined, {
      authorization: `Bearer ${user.refreshToken}`,
    });

    expectProblem(res, 401, 'UNAUTHENTICATED');
  });
});
