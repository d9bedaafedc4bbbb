import type { DatabasePool } from 'slonik';
import { listLiveProducts } from '../../db/products.js';
import { decodeCursor, toPage, type Page } from '../pagination.js';
import type { Product } from './product.js';

export interface ListProductsInput {
  limit: number;
  cursor?: string | undefined;
  /** Case-insensitive substring of the name; `%`, `_` and `\` match themselves. */
  q?: string | undefined;
}

export type ProductPage = Page<Product>;

export async function listProducts(
  deps: { db: DatabasePool },
  input: ListProductsInput,
): Promise<ProductPage> {
  const rows = await listLiveProducts(deps.db, {
    limit: input.limit + 1,
    after: input.cursor === undefined ? undefined : decodeCursor(input.cursor),
    nameContains: input.q,
  });
  return toPage(rows, input.limit);
}
