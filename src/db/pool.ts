import {
  createPool,
  sql,
  createTypeParserPreset,
  SchemaValidationError,
  type DatabasePool,
  type DatabaseTransactionConnection,
  type Interceptor,
} from 'slonik';

export type { DatabasePool };

/** Caps every later statement of the current transaction (SET LOCAL, which takes no parameter). */
export async function limitStatementTime(
  transaction: DatabaseTransactionConnection,
  milliseconds: number,
): Promise<void> {
  await transaction.query(sql.unsafe`
    SELECT set_config('statement_timeout', ${`${milliseconds}ms`}, true)`);
}

export interface PoolSettings {
  url: string;
  maximumPoolSize: number;
  statementTimeoutMs: number;
  connectTimeoutMs: number;
}

/**
 * Makes `sql.type(schema)` a runtime check, not only a compile-time type. Synchronous: slonik
 * runs an async row hook through a new p-queue per query and a promise per row.
 */
const resultParserInterceptor: Interceptor = {
  name: 'result-parser',
  transformRow: (context, query, row) => {
    if (!context.resultParser) return row;
    const result = context.resultParser['~standard'].validate(row);
    if (result instanceof Promise) {
      throw new TypeError(`row schemas must be synchronous (query: ${query.sql})`);
    }
    if (result.issues) throw new SchemaValidationError(query, row, result.issues);
    return result.value as typeof row;
  },
};

// timestamptz/timestamp as ISO strings (API format), bigint/int8 as numbers (counts never exceed 2^53).
const typeParsers = [
  ...createTypeParserPreset().filter(
    (parser) => !['timestamptz', 'timestamp', 'int8'].includes(parser.name),
  ),
  { name: 'int8', parse: Number },
  { name: 'timestamptz', parse: (value: string) => new Date(value).toISOString() },
  { name: 'timestamp', parse: (value: string) => new Date(`${value}Z`).toISOString() },
];

export function createDatabasePool(settings: PoolSettings): Promise<DatabasePool> {
  return createPool(settings.url, {
    maximumPoolSize: settings.maximumPoolSize,
    statementTimeout: settings.statementTimeoutMs,
    idleInTransactionSessionTimeout: settings.statementTimeoutMs * 2,
    connectionTimeout: settings.connectTimeoutMs,
    // Fail fast when Postgres is down: the caller answers 503 and the next request tries again.
    connectionRetryLimit: 0,
    queryRetryLimit: 0,
    transactionRetryLimit: 5,
    interceptors: [resultParserInterceptor],
    // The default DISCARD ALL costs a round trip per release and drops prepared statements;
    // nothing here keeps session state (locks and settings are all transaction-scoped).
    resetConnection: async () => {},
    typeParsers,
  });
}
