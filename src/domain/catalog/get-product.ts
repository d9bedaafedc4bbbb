import type { DatabasePool } from 'slonik';
import { findLiveProduct } from '../../db/products.js';
import { productNotFound, type Product } from './product.js';

/** Archived products are gone for readers: same 404 as an unknown id. */
export async function getProduct(deps: { db: DatabasePool }, id: string): Promise<Product> {
  const product = await findLiveProduct(deps.db, id);
  if (!product) throw productNotFound(id);
  return product;
}
