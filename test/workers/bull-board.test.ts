import { consumerNames } from '../../src/queues.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createAdmin } from '../helpers/factories.js';

const ctx = useTestApp();

describe('Bull Board at /admin/queues', () => {
  let user: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    user = await registerAndLogIn(ctx.app);
    admin = await createAdmin(ctx.app, ctx.db);
  });

  const paths = ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/favicon.ico'];

  it.each(paths)('when %s is requested without a token, then 401', async (url) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it.each(paths)("when %s is requested with a user's token, then 403", async (url) => {
    const res = await ctx.app.inject({ method: 'GET', url, headers: user.headers });
    expectProblem(res, 403, 'FORBIDDEN');
  });

  it("when an admin's token is sent, then the UI and its API answer", async () => {
    const ui = await ctx.app.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: admin.headers,
    });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);

    const api = await ctx.app.inject({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: admin.headers,
    });
    expect(api.statusCode).toBe(200);
    const names = api.json().queues.map((queue: { name: string }) => queue.name);
    expect(names.sort()).toEqual([...consumerNames].sort());
  });

  it('when an admin tries to act on a queue, then the read-only board refuses', async () => {
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/admin/queues/api/queues/authorize-payment/clean/failed',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(405);
  });
});
