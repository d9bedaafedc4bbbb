/** SQLSTATE of `refuse()` (migration 005): a rule said no; the message is its code. */
const refusalSqlState = 'OR001';

/** A statement's refusal: a stable code and its details, for the domain to turn into an error. */
export interface Refusal {
  refused: string;
  details: Record<string, unknown>;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/** The statement's result, or its refusal when it raised one (anything else is rethrown). */
export async function refusalOf<T>(statement: Promise<T>): Promise<T | Refusal> {
  try {
    return await statement;
  } catch (error) {
    const { code, message, detail } = error as {
      code?: unknown;
      message: string;
      detail?: unknown;
    };
    if (code !== refusalSqlState) throw error;
    const details = typeof detail === 'string' && detail !== '' ? JSON.parse(detail) : {};
    return { refused: message, details: details as Record<string, unknown> };
  }
}
