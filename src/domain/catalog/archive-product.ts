import type { DatabasePool } from 'slonik';
import { archiveLiveProduct } from '../../db/products.js';
import { productNotFound } from './product.js';

/** Archives rather than deletes, so past order lines keep pointing at the product. */
export async function archiveProduct(deps: { db: DatabasePool }, id: string): Promise<void> {
  if (!(await archiveLiveProduct(deps.db, id))) throw productNotFound(id);
}
