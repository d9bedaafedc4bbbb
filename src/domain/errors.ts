/** Stable, machine-readable error codes; the HTTP edge maps each to a status in one table. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'INVALID_REFRESH_TOKEN',
  'FORBIDDEN',
  'NOT_FOUND',
  'EMAIL_TAKEN',
  'SKU_TAKEN',
  'INSUFFICIENT_STOCK',
  'INVALID_ORDER_STATE',
  'IDEMPOTENCY_KEY_IN_USE',
  'PRECONDITION_FAILED',
  'PRODUCT_UNAVAILABLE',
  'CURRENCY_MISMATCH',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_DELIVERY_STATE',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra members for the client, e.g. `shortages`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
