-- BENCH_HOT_PRODUCT=n puts product n in every order; BENCH_DELAY_MS paces each connection.
local bench = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
request = bench.create_order

local pace = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if pace > 0 then
  function delay()
    return pace
  end
end
