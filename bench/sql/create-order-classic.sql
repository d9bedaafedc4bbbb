-- The reference: the classic create-order transaction as src/db/orders.ts sent it before the
-- one-statement redesign (commit 5ecac25) — BEGIN, lock the products, one CTE for every write,
-- COMMIT — changed only where the schema moved on (the outbox lost its constant aggregate_type
-- column). It writes no history entry and checks no user, which create_order() does: the
-- reference does strictly less work. Run with -D products=N -D users=M -M prepared.
-- pgbench's \set makes only numbers, so one SELECT before the transaction turns them into the
-- parameters the API would send (ids, names, prices, the event payload); it reads no table.
\set n1 random(1, :products / 3)
\set n2 :products / 3 + random(1, :products / 3)
\set n3 2 * (:products / 3) + random(1, :products / 3)
\set q1 random(1, 3)
\set q2 random(1, 3)
\set q3 random(1, 3)
\set user random(1, :users)
SELECT format('{%s,%s,%s}', bench_product_id(:n1), bench_product_id(:n2),
              bench_product_id(:n3)) AS ids,
       format('{"%s","%s","%s"}', bench_product_name(:n1), bench_product_name(:n2),
              bench_product_name(:n3)) AS names,
       format('{%s,%s,%s}', :q1::int, :q2::int, :q3::int) AS quantities,
       format('{%s,%s,%s}', bench_product_price(:n1), bench_product_price(:n2),
              bench_product_price(:n3)) AS prices,
       :q1 * bench_product_price(:n1) + :q2 * bench_product_price(:n2)
         + :q3 * bench_product_price(:n3) AS total,
       order_id, gen_random_uuid() AS event_id, bench_user_id(:user) AS user_id,
       now() AS created_at,
       json_build_object('version', 1, 'order', json_build_object(
         'id', order_id, 'userId', bench_user_id(:user), 'status', 'pending', 'currency', 'USD',
         'items', json_build_array(
           json_build_object('productId', bench_product_id(:n1), 'quantity', :q1::int),
           json_build_object('productId', bench_product_id(:n2), 'quantity', :q2::int),
           json_build_object('productId', bench_product_id(:n3), 'quantity', :q3::int)),
         'createdAt', now(), 'updatedAt', now())) AS payload,
       '00-' || md5(random()::text) || '-' || left(md5(random()::text), 16) || '-01'
         AS traceparent,
       'USD' AS currency, 'order.created' AS event_type,
       -- The API sends NULL for these; pgbench turns NULL into '', so unused stand-ins go instead.
       'none' AS tracestate, 'none' AS no_key, '\x' AS no_hash, 'null' AS no_body,
       false AS with_key
FROM gen_random_uuid() AS order_id
\gset
START TRANSACTION;
SELECT id, name, price_cents AS "priceCents", currency, stock,
       archived_at IS NOT NULL AS archived, now() AS now
FROM products
WHERE id = ANY(:ids::"uuid"[])
ORDER BY id
FOR NO KEY UPDATE;
WITH line AS (
  SELECT * FROM unnest(:ids::"uuid"[], :names::"text"[], :quantities::"int4"[], :prices::"int8"[]) AS l(product_id, name, quantity, unit_price_cents)
), stock_taken AS (
  UPDATE products p SET stock = p.stock - line.quantity
  FROM line WHERE p.id = line.product_id
), new_order AS (
  INSERT INTO orders (id, user_id, currency, total_cents, created_at, updated_at)
  VALUES (:order_id::uuid, :user_id::uuid, :currency::text,
          :total::int8, :created_at::timestamptz,
          :created_at::timestamptz)
), new_lines AS (
  INSERT INTO order_items (order_id, product_id, name, quantity, unit_price_cents)
  SELECT :order_id::uuid, product_id, name, quantity, unit_price_cents FROM line
), event AS (
  INSERT INTO outbox (id, aggregate_id, event_type, payload, traceparent, tracestate)
  VALUES (:event_id::uuid, :order_id::uuid,
          :event_type::text, :payload::jsonb, :traceparent::text,
          :tracestate::text)
)
INSERT INTO idempotency_keys (user_id, key, request_hash, response_body)
SELECT :user_id::uuid, :no_key::text,
       :no_hash::bytea,
       :no_body::jsonb
WHERE :with_key::boolean;
COMMIT;
