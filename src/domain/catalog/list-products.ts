import { StatementTimeoutError, type DatabasePool } from 'slonik';
import { concurrencyLimit } from '../../concurrency.js';
import type { Config } from '../../config.js';
import { limitStatementTime } from '../../db/pool.js';
import { listLiveProducts } from '../../db/products.js';
import { DomainError } from '../errors.js';
import { decodeCursor, toPage, type Page } from '../pagination.js';
import type { Product } from './product.js';

export interface ListProductsInput {
  limit: number;
  cursor?: string | undefined;
  /** Case-insensitive substring of the name; `%`, `_` and `\` match themselves. */
  q?: string | undefined;
}

export type ProductPage = Page<Product>;

/**
 * Searches (q given) scan what the trigram index hands back: at most this many run at once per
 * process, so however broad they are they hold 2 of the pool's connections, never the orders'.
 */
export const maxConcurrentSearches = 2;
const inSearchSlot = concurrencyLimit(maxConcurrentSearches);

/**
 * Public and anonymous, so it gives up sooner than writes do (SEARCH_STATEMENT_TIMEOUT_MS). A
 * search that cannot finish in that time (terms made only of common trigrams) is refused as
 * the client's to narrow, 400 on q, as the contract says.
 */
export async function listProducts(
  deps: { db: DatabasePool; config: Pick<Config, 'SEARCH_STATEMENT_TIMEOUT_MS'> },
  input: ListProductsInput,
): Promise<ProductPage> {
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  const list = () =>
    deps.db.transaction(async (transaction) => {
      await limitStatementTime(transaction, deps.config.SEARCH_STATEMENT_TIMEOUT_MS);
      return listLiveProducts(transaction, {
        limit: input.limit + 1,
        after,
        nameContains: input.q,
      });
    });
  if (!input.q) return toPage(await list(), input.limit);
  try {
    return toPage(await inSearchSlot(list), input.limit);
  } catch (error) {
    if (!(error instanceof StatementTimeoutError)) throw error;
    throw new DomainError('VALIDATION_FAILED', 'This search cannot be answered quickly', {
      errors: [{ path: 'q', message: 'matches too broadly to answer quickly; add rarer words' }],
    });
  }
}
