import type { DatabasePool } from 'slonik';
import type { Config } from '../../config.js';
import { limitStatementTime } from '../../db/pool.js';
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

/** Public and anonymous, so it gives up sooner than writes do (SEARCH_STATEMENT_TIMEOUT_MS). */
export async function listProducts(
  deps: { db: DatabasePool; config: Pick<Config, 'SEARCH_STATEMENT_TIMEOUT_MS'> },
  input: ListProductsInput,
): Promise<ProductPage> {
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  const rows = await deps.db.transaction(async (transaction) => {
    await limitStatementTime(transaction, deps.config.SEARCH_STATEMENT_TIMEOUT_MS);
    return listLiveProducts(transaction, {
      limit: input.limit + 1,
      after,
      nameContains: input.q,
    });
  });
  return toPage(rows, input.limit);
}
