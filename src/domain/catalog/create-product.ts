import type { DatabasePool } from 'slonik';
import { insertProduct, type NewProduct } from '../../db/products.js';
import { rejectingTakenSku, type Product } from './product.js';

export function createProduct(deps: { db: DatabasePool }, input: NewProduct): Promise<Product> {
  return rejectingTakenSku(insertProduct(deps.db, input));
}
