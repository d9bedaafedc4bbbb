-- pgbench script: exactly the statement the API sends for one order of 3 lines (one round trip,
-- autocommit; bench/check-sql.ts compares them). Run with -D products=N -D users=M -M prepared.
-- pgbench's \set makes only numbers, so one table-free SELECT first turns them into parameters
-- (it costs one extra round trip, as in the classic script). pgbench cannot bind a NULL (\gset
-- turns it into ''), so NULL literals stand where the API binds nulls (no tracestate, no key).
\set n1 random(1, :products / 3)
\set n2 :products / 3 + random(1, :products / 3)
\set n3 2 * (:products / 3) + random(1, :products / 3)
\set q1 random(1, 3)
\set q2 random(1, 3)
\set q3 random(1, 3)
\set user random(1, :users)
SELECT format('{%s,%s,%s}', bench_product_id(:n1), bench_product_id(:n2),
              bench_product_id(:n3)) AS ids,
       format('{%s,%s,%s}', :q1::int, :q2::int, :q3::int) AS quantities,
       gen_random_uuid() AS order_id, gen_random_uuid() AS event_id,
       bench_user_id(:user) AS user_id,
       '00-' || md5(random()::text) || '-' || left(md5(random()::text), 16) || '-01'
         AS traceparent
\gset
SELECT create_order(
        :order_id::uuid, :user_id::uuid,
        :ids::"uuid"[], :quantities::"int4"[],
        :event_id::uuid, :traceparent::text, NULL::text,
        NULL::text, NULL::bytea
      ) AS placed;
