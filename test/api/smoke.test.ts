import { describe, expect, it } from 'vitest';
import { registerAndLogIn, expectProblem } from '../helpers/auth.js';
import { useTestApp } from '../helpers/app.js';

const ctx = useTestApp();

describe('smoke', () => {
  it('when a user registers and logs in, then /users/me answers', async () => {
    const user = await registerAndLogIn(ctx.app);
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: user.headers,
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(user.email);
  });

  it('when the route is unknown, then 404 problem', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/nope' });
    expectProblem(res, 404, 'NOT_FOUND');
  });
});
