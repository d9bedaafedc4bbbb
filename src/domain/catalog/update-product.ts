import type { DatabasePool } from 'slonik';
import { findLiveProduct, updateLiveProduct, type ProductChanges } from '../../db/products.js';
import { DomainError } from '../errors.js';
import { productNotFound, rejectingTakenSku, type Product } from './product.js';

export interface UpdateProductInput {
  id: string;
  changes: ProductChanges;
  /** From If-Match: apply only to this version (optimistic concurrency). */
  expectedVersion?: number | undefined;
}

export async function updateProduct(
  deps: { db: DatabasePool },
  input: UpdateProductInput,
): Promise<Product> {
  const updated = await rejectingTakenSku(
    updateLiveProduct(deps.db, input.id, input.changes, input.expectedVersion),
  );
  if (updated) return updated;
  // Nothing matched: tell a stale version apart from a product that is not (or no longer) live.
  if (input.expectedVersion !== undefined && (await findLiveProduct(deps.db, input.id))) {
    throw new DomainError(
      'PRECONDITION_FAILED',
      `Product ${input.id} is no longer at version ${input.expectedVersion}`,
    );
  }
  throw productNotFound(input.id);
}
