import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { createAdmin } from '../../helpers/factories.js';

// Production mode: the SSRF guard is on.
const ctx = useTestApp({
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
});

describe('/api/v1/webhook-endpoints', () => {
  let admin: SignedIn;
  let user: SignedIn;

  beforeAll(async () => {
    admin = await createAdmin(ctx.app, ctx.db);
    user = await registerAndLogIn(ctx.app);
  });

  const create = (payload: object, who: SignedIn = admin) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      headers: who.headers,
      payload,
    });

  it('when an admin creates an endpoint, then 201 with the secret shown once and defaults applied', async () => {
    const res = await create({ url: 'https://93.184.215.14/hooks', description: 'partner' });
    expect(res.statusCode).toBe(201);
    const { endpoint, secret } = res.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(endpoint).toMatchObject({ url: 'https://93.184.215.14/hooks', enabled: true });
    expect(endpoint.eventTypes).toHaveLength(6);
    expect(res.headers.location).toBe(`/api/v1/webhook-endpoints/${endpoint.id}`);

    const read = await ctx.app.inject({
      method: 'GET',
      url: res.headers.location!,
      headers: admin.headers,
    });
    expect(read.json()).toEqual({ endpoint });
    expect(read.body).not.toContain('whsec_');
  });

  it('when a plain user calls the routes, then 403; without a token 401', async () => {
    expectProblem(await create({ url: 'https://93.184.215.14/' }, user), 403, 'FORBIDDEN');
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: '/api/v1/webhook-endpoints' }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it.each([
    'http://127.0.0.1:8080/hooks',
    'http://10.1.2.3/hooks',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:8080/hooks',
    'http://localhost:8080/hooks',
    'http://[::ffff:127.0.0.1]/hooks',
  ])('when the URL %s resolves to a private address, then 400 in production', async (url) => {
    const body = expectProblem(await create({ url }), 400, 'VALIDATION_FAILED');
    expect(body.errors[0].path).toBe('url');
  });

  it('when an update points the URL at a private address, then 400 and nothing changes', async () => {
    const { endpoint } = (await create({ url: 'https://93.184.215.14/a' })).json();
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/webhook-endpoints/${endpoint.id}`,
      headers: admin.headers,
      payload: { url: 'http://10.0.0.7/hooks' },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('when the URL is not http(s) or an event type is unknown, then 400', async () => {
    expectProblem(await create({ url: 'ftp://93.184.215.14/' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await create({ url: 'https://93.184.215.14/', eventTypes: ['order.paid'] }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('when an endpoint is patched, rotated, listed and deleted, then each answers per the contract', async () => {
    const first = (
      await create({ url: 'https://93.184.215.14/b', eventTypes: ['order.created'] })
    ).json();
    const id = first.endpoint.id;
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/webhook-endpoints/${id}`,
      headers: admin.headers,
      payload: { enabled: false, eventTypes: ['order.shipped', 'order.delivered'] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().endpoint).toMatchObject({
      enabled: false,
      eventTypes: ['order.shipped', 'order.delivered'],
    });

    const rotated = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/webhook-endpoints/${id}/rotate-secret`,
      headers: admin.headers,
    });
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().secret).not.toBe(first.secret);

    const page = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/webhook-endpoints?limit=1',
      headers: admin.headers,
    });
    expect(page.json().items).toHaveLength(1);
    expect(page.json().items[0].id).toBe(id); // newest first
    const next = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/webhook-endpoints?limit=100&cursor=${page.json().nextCursor}`,
      headers: admin.headers,
    });
    expect(next.json().items.map((item: { id: string }) => item.id)).not.toContain(id);

    const deliveries = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/webhook-endpoints/${id}/deliveries?status=failed`,
      headers: admin.headers,
    });
    expect(deliveries.json()).toEqual({ items: [], nextCursor: null });

    const deleted = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/webhook-endpoints/${id}`,
      headers: admin.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expectProblem(
      await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/webhook-endpoints/${id}`,
        headers: admin.headers,
      }),
      404,
      'NOT_FOUND',
    );
  });
});
