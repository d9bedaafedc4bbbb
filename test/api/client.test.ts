import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../../client/orders-api.js';
import { clientTypes, clientTypesFile } from '../../scripts/lib/client-types.js';
import { openApiPath } from '../../src/api/openapi.js';
import { setUserRole } from '../../src/db/users.js';
import { useTestApp } from '../helpers/app.js';
import { uniqueEmail } from '../helpers/auth.js';

const ctx = useTestApp();
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
});

describe('the typed client', () => {
  it('when the served document changes, then client/orders-api.d.ts is regenerated with it', async () => {
    const document = (await ctx.app.inject({ method: 'GET', url: openApiPath })).json<unknown>();
    expect(
      readFileSync(clientTypesFile, 'utf8') === (await clientTypes(document)),
      'client/orders-api.d.ts is stale: run `npm run client`',
    ).toBe(true);
  });

  it('when a client registers, logs in, stocks a product as admin, orders it and reads the order back through openapi-fetch, then every step answers as typed', async () => {
    const api = createClient<paths>({ baseUrl });
    const password = 'correct horse battery';
    const shopper = uniqueEmail('shopper');
    const owner = uniqueEmail('owner');

    for (const email of [shopper, owner]) {
      const registered = await api.POST('/api/v1/auth/register', { body: { email, password } });
      expect(registered.data?.user.email).toBe(email);
    }
    // What `npm run user:promote -- <email>` does; the next login carries the role.
    await setUserRole(ctx.db, owner, 'admin');
    const admin = await api.POST('/api/v1/auth/login', { body: { email: owner, password } });
    expect(admin.data?.user.role).toBe('admin');
    const asAdmin = { Authorization: `Bearer ${admin.data!.accessToken}` };

    const created = await api.POST('/api/v1/products', {
      headers: asAdmin,
      body: { name: 'Typed mug', priceCents: 1800, stock: 5 },
    });
    const product = created.data!.product;
    expect(created.response.status).toBe(201);
    expect(created.response.headers.get('location')).toBe(`/api/v1/products/${product.id}`);
    expect(product).toMatchObject({ currency: 'USD', stock: 5, version: 1 });

    const session = await api.POST('/api/v1/auth/login', { body: { email: shopper, password } });
    const asShopper = { Authorization: `Bearer ${session.data!.accessToken}` };
    const placed = await api.POST('/api/v1/orders', {
      headers: asShopper,
      body: { items: [{ productId: product.id, quantity: 2 }] },
    });
    const order = placed.data!.order;
    expect(order).toMatchObject({ status: 'pending', totalCents: 3600, currency: 'USD' });

    const read = await api.GET('/api/v1/orders/{id}', {
      headers: asShopper,
      params: { path: { id: order.id } },
    });
    expect(read.data?.order).toEqual(order);

    const missing = await api.GET('/api/v1/products/{id}', {
      params: { path: { id: randomUUID() } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('NOT_FOUND');
  });
});
