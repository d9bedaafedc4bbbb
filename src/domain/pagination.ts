import { z } from 'zod';
import type { KeysetPosition } from '../db/keyset.js';
import { DomainError } from './errors.js';

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

const cursorPayload = z.tuple([z.int(), z.uuid()]);

/** Opaque to clients: base64url of the last row's keyset position. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAtMicros, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    payload = undefined;
  }
  const parsed = cursorPayload.safeParse(payload);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', 'The querystring failed validation', {
      errors: [{ path: 'cursor', message: 'is not a cursor returned by this API' }],
    });
  }
  const [createdAtMicros, id] = parsed.data;
  return { createdAtMicros, id };
}

/**
 * Turns `limit + 1` rows into a page: the extra row only tells that another page exists,
 * so no count query is needed. `item` picks what a row shows (by default, all but its position).
 */
export function toPage<Row extends KeysetPosition, Item = Omit<Row, 'createdAtMicros'>>(
  rows: readonly Row[],
  limit: number,
  item: (row: Row) => Item = ({ createdAtMicros: _position, ...rest }) => rest as Item,
): Page<Item> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(item),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
