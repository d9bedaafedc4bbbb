import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';
import { rethrowUniqueViolation } from './errors.js';

export const productRow = z.object({
  id: z.uuid(),
  sku: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  priceCents: z.number().int(),
  currency: z.string(),
  stock: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductRow = z.infer<typeof productRow>;

export const productColumns = sql.fragment`
  id, sku, name, description, price_cents AS "priceCents", currency, stock, version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface NewProduct {
  sku: string | null;
  name: string;
  description: string | null;
  priceCents: number;
  currency: string;
  stock: number;
}

export function insertProduct(db: CommonQueryMethods, product: NewProduct): Promise<ProductRow> {
  return rethrowUniqueViolation(
    db.one(sql.type(productRow)`
      INSERT INTO products (sku, name, description, price_cents, currency, stock)
      VALUES (${product.sku}, ${product.name}, ${product.description}, ${product.priceCents},
              ${product.currency}, ${product.stock})
      RETURNING ${productColumns}`),
  );
}
