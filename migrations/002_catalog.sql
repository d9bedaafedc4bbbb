-- Up Migration
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE products (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  sku         text        CHECK (char_length(sku) BETWEEN 1 AND 64),
  name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  description text        CHECK (char_length(description) <= 5000),
  price_cents bigint      NOT NULL CHECK (price_cents >= 0),
  currency    char(3)     NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
  stock       integer     NOT NULL CHECK (stock >= 0),
  version     integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz
);
CREATE UNIQUE INDEX products_sku_key ON products (sku);
-- Keyset listing of live products, oldest first: rows inserted later land after the cursor.
CREATE INDEX products_listing_idx ON products (created_at, id) WHERE archived_at IS NULL;
-- Case-insensitive substring search on name (ILIKE '%q%') stays an index scan on 100k+ rows.
CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops) WHERE archived_at IS NULL;
