import { z } from 'zod';
import { uuidParam } from '../../schemas.js';

const productExample = {
  id: '9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807',
  sku: 'DEMO-MUG',
  name: 'Enamel camp mug',
  description: 'Holds 350 ml; survives campfires.',
  priceCents: 1800,
  currency: 'USD',
  stock: 120,
  version: 1,
  createdAt: '2026-12-01T09:30:00.000Z',
  updatedAt: '2026-12-01T09:30:00.000Z',
} as const;

export const productSchema = z
  .object({
    id: z.uuid(),
    sku: z.string().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    priceCents: z.int().describe('Price in minor units of `currency`'),
    currency: z.string().describe('ISO-4217 code'),
    stock: z.int(),
    version: z.int().describe('Increments on every change; the ETag is `"<version>"`'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Product', examples: [productExample] });

export const productResponse = z
  .object({ product: productSchema })
  .meta({ description: 'The product', examples: [{ product: productExample }] });

export const productPageSchema = z
  .object({ items: z.array(productSchema), nextCursor: z.string().nullable() })
  .meta({
    id: 'ProductPage',
    description: 'A page of products; nextCursor is null on the last page',
    examples: [{ items: [productExample], nextCursor: null }],
  });

export const productParams = z.object({ id: uuidParam });

// Postgres text cannot hold NUL; rejecting it here keeps it a 400 rather than a driver error.
const text = () =>
  z.string().refine((value) => !value.includes('\0'), 'must not contain NUL characters');

const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** Bounds keep totals of up to 50 lines × 1000 units exact in a JS number. */
export const maxPriceCents = 10_000_000_000;
export const maxStock = 1_000_000_000;

const productFields = {
  name: text().trim().min(1).max(200),
  description: text().max(5000).nullable(),
  sku: text().trim().min(1).max(64).nullable(),
  priceCents: z.int().min(0).max(maxPriceCents),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an uppercase ISO-4217 code')
    .refine((code) => isoCurrencies.has(code), 'is not an ISO-4217 currency'),
  stock: z.int().min(0).max(maxStock),
};

export const createProductBody = z
  .strictObject({
    name: productFields.name,
    description: productFields.description.optional(),
    sku: productFields.sku.optional(),
    priceCents: productFields.priceCents,
    currency: productFields.currency.default('USD'),
    stock: productFields.stock,
  })
  .meta({
    examples: [
      { name: 'Enamel camp mug', sku: 'MUG-350', priceCents: 1800, currency: 'USD', stock: 120 },
    ],
  });

export const updateProductBody = z
  .strictObject({
    name: productFields.name.optional(),
    description: productFields.description.optional(),
    sku: productFields.sku.optional(),
    priceCents: productFields.priceCents.optional(),
    currency: productFields.currency.optional(),
    stock: productFields.stock.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'must change at least one field')
  .meta({ examples: [{ priceCents: 1950, stock: 100 }] });

/**
 * Only terms the trigram index can answer: a run of 3 letters or digits gives it a trigram to
 * look up; without one (`%_%_…`, `ab`) Postgres would read every row. Empty means no filter.
 */
export const searchTerm = text()
  .max(64)
  .refine(
    (q) => q === '' || /[\p{L}\p{N}]{3}/u.test(q),
    'must contain at least 3 letters or digits in a row (shorter terms cannot use the search index)',
  )
  .describe(
    'Case-insensitive substring of the name, taken literally (`%` and `_` too); up to 64 characters, with at least 3 letters or digits in a row',
  );

export const listProductsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a nextCursor returned by this API')
    .optional(),
  q: searchTerm.optional(),
});

// `*`, `"<version>"` or `W/"<version>"`: the version is compared either way, since a proxy
// that compresses responses may weaken our strong ETag.
const ifMatchPattern = /^(?:\*|(?:W\/)?"(\d{1,15})")$/;

export const ifMatchHeaders = z.looseObject({
  'if-match': z
    .string()
    .regex(ifMatchPattern, 'must be * or a single ETag such as "3"')
    .optional()
    .describe('Apply only if the product is still at this version; otherwise 412'),
});

/** The version a validated If-Match asks for; undefined when absent or `*` (any live version). */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  const version = header === undefined ? undefined : ifMatchPattern.exec(header)?.[1];
  return version === undefined ? undefined : Number(version);
}

export const etag = (version: number) => `"${version}"`;
