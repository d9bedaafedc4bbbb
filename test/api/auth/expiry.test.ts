import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { decodeJwtPart } from './support.js';

const ctx = useTestApp({ ACCESS_TOKEN_TTL: '1', REFRESH_TOKEN_TTL: '1' });
let expired: SignedIn;

beforeAll(async () => {
  expired = await registerAndLogIn(ctx.app);
  // JWT times are whole seconds, so a 1 s token may live up to 2 s after it was issued.
  await sleep(2_100);
});

describe('token lifetimes', () => {
  it('when ACCESS_TOKEN_TTL is 1, then expiresIn and the token’s exp say 1 second', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: expired.email, password: expired.password },
    });

    expect(res.json().expiresIn).toBe(1);
    const claims = decodeJwtPart(res.json().accessToken, 1);
    expect((claims.exp as number) - (claims.iat as number)).toBe(1);
  });

  it('when the access token has expired, then 401 UNAUTHENTICATED', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: expired.headers,
    });

    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('when the refresh token has expired, then 401 INVALID_REFRESH_TOKEN', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: expired.refreshToken },
    });

    expectProblem(res, 401, 'INVALID_REFRESH_TOKEN');
  });
});
