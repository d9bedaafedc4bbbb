import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CommonQueryMethods } from 'slonik';
import { insertProduct, type NewProduct, type ProductRow } from '../../src/db/products.js';
import { setUserRole } from '../../src/db/users.js';
import { logIn, registerAndLogIn, type SignedIn } from './auth.js';

/** Inserts a live product through src/db; every field can be overridden. */
export function createProduct(
  db: CommonQueryMethods,
  overrides: Partial<NewProduct> = {},
): Promise<ProductRow> {
  const suffix = randomBytes(5).toString('hex');
  return insertProduct(db, {
    sku: `SKU-${suffix}`,
    name: `Product ${suffix}`,
    description: null,
    priceCents: 1000,
    currency: 'USD',
    stock: 100,
    ...overrides,
  });
}

/** Registers a user, promotes it to admin and logs in again so the token carries the role. */
export async function createAdmin(app: FastifyInstance, db: CommonQueryMethods): Promise<SignedIn> {
  const user = await registerAndLogIn(app, 'admin');
  await setUserRole(db, user.email, 'admin');
  return logIn(app, user.email, user.password);
}
