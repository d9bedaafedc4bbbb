import { readFileSync } from 'node:fs';
import { benchDir } from './settings.js';

/** The pgbench script of the one statement the API sends to create an order. */
export const createOrderScript = `${benchDir}sql/create-order.sql`;
/** The reference: the classic multi-statement create-order transaction of before the redesign. */
export const classicCreateOrderScript = `${benchDir}sql/create-order-classic.sql`;
/** The product-by-id query as src/db/products.ts sends it, for the bare server. */
export const productByIdSql = readFileSync(`${benchDir}sql/product-by-id.sql`, 'utf8').trim();
