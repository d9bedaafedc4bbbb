import { UniqueViolation } from '../../db/errors.js';
import type { ProductRow } from '../../db/products.js';
import { DomainError } from '../errors.js';

export type Product = ProductRow;

/** The one place where a duplicate sku becomes SKU_TAKEN (SKUs stay reserved after archiving). */
export async function rejectingTakenSku<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof UniqueViolation && error.constraint === 'products_sku_key') {
      throw new DomainError('SKU_TAKEN', 'Another product already uses this sku');
    }
    throw error;
  }
}

export function productNotFound(id: string): DomainError {
  return new DomainError('NOT_FOUND', `Product ${id} not found`);
}
