import { UniqueIntegrityConstraintViolationError } from 'slonik';

/** Raised by `src/db` when a write hits a unique constraint; the domain decides what it means. */
export class UniqueViolation extends Error {
  override name = 'UniqueViolation';
  constructor(readonly constraint: string) {
    super(`unique constraint ${constraint} violated`);
  }
}

/** The one place where a driver-level unique violation becomes something the domain can match. */
export async function rethrowUniqueViolation<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof UniqueIntegrityConstraintViolationError) {
      throw new UniqueViolation(error.constraint ?? 'unknown');
    }
    throw error;
  }
}
