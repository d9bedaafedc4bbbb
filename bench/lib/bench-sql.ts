import { readFileSync } from 'node:fs';
import { benchDir } from './settings.js';

/** The pgbench script of the create-order transaction. */
export const createOrderScript = `${benchDir}sql/create-order.sql`;
/** The product-by-id query as src/db/products.ts sends it, for the bare server. */
export const productByIdSql = readFileSync(`${benchDir}sql/product-by-id.sql`, 'utf8').trim();
