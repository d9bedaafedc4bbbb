-- 80% reads (60 by id, 20 search), 15% order creates, 5% logins.
local bench = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

function request()
  local roll = math.random(100)
  if roll <= 60 then return bench.get_product() end
  if roll <= 80 then return bench.search_products() end
  if roll <= 95 then return bench.create_order() end
  return bench.login()
end
