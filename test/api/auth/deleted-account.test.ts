import { randomUUID } from 'node:crypto';
import { sql } from 'slonik';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUserRole } from '../../../src/db/users.js';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { createAdmin, createProduct } from '../../helpers/factories.js';

const ctx = useTestApp();

interface Row {
  /** An admin's token (the route is closed to users anyway). */
  admin?: boolean;
  url: (ids: { productId: string }) => string;
  payload?: (ids: { productId: string }) => Record<string, unknown>;
}

/**
 * One row per authenticated route: a route added without a row fails the first test, so every
 * new route is proven to shut out a deleted account's still-valid token.
 */
const rows: Record<string, Row> = {
  'POST /api/v1/auth/logout-all': { url: () => '/api/v1/auth/logout-all' },
  'GET /api/v1/users/me': { url: () => '/api/v1/users/me' },
  'POST /api/v1/products': {
    admin: true,
    url: () => '/api/v1/products',
    payload: () => ({ name: 'Lantern', priceCents: 500, stock: 1 }),
  },
  'PATCH /api/v1/products/{id}': {
    admin: true,
    url: ({ productId }) => `/api/v1/products/${productId}`,
    payload: () => ({ stock: 5 }),
  },
  'DELETE /api/v1/products/{id}': {
    admin: true,
    url: ({ productId }) => `/api/v1/products/${productId}`,
  },
  'POST /api/v1/orders': {
    url: () => '/api/v1/orders',
    payload: (ids) => ({ items: [{ productId: ids.productId, quantity: 1 }] }),
  },
  'GET /api/v1/orders': { url: () => '/api/v1/orders' },
  'GET /api/v1/orders/{id}': { url: () => `/api/v1/orders/${randomUUID()}` },
  'POST /api/v1/orders/{id}/cancel': { url: () => `/api/v1/orders/${randomUUID()}/cancel` },
  'POST /api/v1/orders/{id}/ship': {
    admin: true,
    url: () => `/api/v1/orders/${randomUUID()}/ship`,
    payload: () => ({ carrier: 'DHL', trackingNumber: 'JD014600006281' }),
  },
  'POST /api/v1/orders/{id}/deliver': {
    admin: true,
    url: () => `/api/v1/orders/${randomUUID()}/deliver`,
  },
  'GET /api/v1/orders/{id}/history': { url: () => `/api/v1/orders/${randomUUID()}/history` },
  'POST /api/v1/webhook-endpoints': {
    admin: true,
    url: () => '/api/v1/webhook-endpoints',
    payload: () => ({ url: 'https://hooks.example.com/orders' }),
  },
  'GET /api/v1/webhook-endpoints': { admin: true, url: () => '/api/v1/webhook-endpoints' },
  'GET /api/v1/webhook-endpoints/{id}': {
    admin: true,
    url: () => `/api/v1/webhook-endpoints/${randomUUID()}`,
  },
  'PATCH /api/v1/webhook-endpoints/{id}': {
    admin: true,
    url: () => `/api/v1/webhook-endpoints/${randomUUID()}`,
    payload: () => ({ enabled: false }),
  },
  'DELETE /api/v1/webhook-endpoints/{id}': {
    admin: true,
    url: () => `/api/v1/webhook-endpoints/${randomUUID()}`,
  },
  'POST /api/v1/webhook-endpoints/{id}/rotate-secret': {
    admin: true,
    url: () => `/api/v1/webhook-endpoints/${randomUUID()}/rotate-secret`,
  },
  'GET /api/v1/webhook-endpoints/{id}/deliveries': {
    admin: true,
    url: () => `/api/v1/webhook-endpoints/${randomUUID()}/deliveries`,
  },
  'POST /api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/retry': {
    admin: true,
    url: () => `/api/v1/webhook-endpoints/${randomUUID()}/deliveries/${randomUUID()}/retry`,
  },
};

/** Operations the served OpenAPI document marks as needing a bearer token. */
function authenticatedRoutes(): string[] {
  const document = ctx.app.swagger() as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => (operation.security ?? []).length > 0)
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

let productId: string;
let deletedUser: SignedIn;
let deletedAdmin: SignedIn;

beforeAll(async () => {
  productId = (await createProduct(ctx.db)).id;
  deletedUser = await registerAndLogIn(ctx.app, 'deleted');
  deletedAdmin = await createAdmin(ctx.app, ctx.db);
  await ctx.db.query(sql.unsafe`
    DELETE FROM users WHERE id IN (${deletedUser.userId}, ${deletedAdmin.userId})`);
});

describe('a deleted account’s access token', () => {
  it('when the app is built, then every authenticated route has a row here', () => {
    expect(Object.keys(rows).sort()).toEqual(authenticatedRoutes().sort());
  });

  it.each(Object.keys(rows))('when it calls %s, then 401 UNAUTHENTICATED', async (route) => {
    const row = rows[route]!;
    const [method] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE'];
    const payload = row.payload?.({ productId });
    const res = await ctx.app.inject({
      method,
      url: row.url({ productId }),
      headers: (row.admin ? deletedAdmin : deletedUser).headers,
      ...(payload === undefined ? {} : { payload }),
    });

    expectProblem(res, 401, 'UNAUTHENTICATED');
  });
});

describe('a demoted admin’s access token', () => {
  it('when it calls an admin route, then 403: the account’s current role decides, not the token’s', async () => {
    const admin = await createAdmin(ctx.app, ctx.db);
    await setUserRole(ctx.db, admin.email, 'user');

    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: admin.headers,
      payload: { name: 'Lantern', priceCents: 500, stock: 1 },
    });

    expectProblem(res, 403, 'FORBIDDEN');
  });
});
