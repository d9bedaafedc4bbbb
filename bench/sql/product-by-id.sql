SELECT
  id, sku, name, description, price_cents AS "priceCents", currency, stock, version,
  created_at AS "createdAt", updated_at AS "updatedAt" FROM products WHERE id = $1 AND archived_at IS NULL
