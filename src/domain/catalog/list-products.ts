import type { DatabasePool } from 'slonik';
import { z } from 'zod';
import { listLiveProducts, type ListingPosition } from '../../db/products.js';
import { DomainError } from '../errors.js';
import type { Product } from './product.js';

export interface ListProductsInput {
  limit: number;
  cursor?: string | undefined;
  /** Case-insensitive substring of the name; `%`, `_` and `\` match themselves. */
  q?: string | undefined;
}

export interface ProductPage {
  items: Product[];
  nextCursor: string | null;
}

const cursorPayload = z.tuple([z.int(), z.uuid()]);

function encodeCursor(position: ListingPosition): string {
  return Buffer.from(JSON.stringify([position.createdAtMicros, position.id])).toString('base64url');
}

function decodeCursor(cursor: string): ListingPosition {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    payload = undefined;
  }
  const parsed = cursorPayload.safeParse(payload);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', 'The query failed validation', {
      errors: [{ path: 'cursor', message: 'is not a cursor returned by this API' }],
    });
  }
  const [createdAtMicros, id] = parsed.data;
  return { createdAtMicros, id };
}

export async function listProducts(
  deps: { db: DatabasePool },
  input: ListProductsInput,
): Promise<ProductPage> {
  // One extra row tells whether another page exists without a count query.
  const rows = await listLiveProducts(deps.db, {
    limit: input.limit + 1,
    after: input.cursor === undefined ? undefined : decodeCursor(input.cursor),
    nameContains: input.q,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ createdAtMicros: _position, ...product }) => product),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}
