-- Shared by the scenario scripts (loaded with dofile). Ids derive from an integer exactly as
-- bench_product_id / bench_user_id do in the bench database, so no id lists are needed.
local M = {}

M.products = tonumber(os.getenv("BENCH_PRODUCTS") or "10000")
M.hot_product = tonumber(os.getenv("BENCH_HOT_PRODUCT") or "0")

function M.product_id(n)
  return string.format("00000000-0000-4000-8000-%012d", n)
end

M.tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do
  M.tokens[#M.tokens + 1] = line
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_number or 0))
end

function M.auth_headers()
  return {
    ["Authorization"] = "Bearer " .. M.tokens[math.random(#M.tokens)],
    ["Content-Type"] = "application/json",
  }
end

-- Three distinct products (one of them the hot product when BENCH_HOT_PRODUCT is set).
function M.order_body()
  local picked, lines = {}, {}
  if M.hot_product > 0 then picked[M.hot_product] = true end
  local count = M.hot_product > 0 and 1 or 0
  while count < 3 do
    local n = math.random(M.products)
    if not picked[n] then
      picked[n] = true
      count = count + 1
    end
  end
  for n in pairs(picked) do
    lines[#lines + 1] = string.format('{"productId":"%s","quantity":%d}', M.product_id(n), math.random(3))
  end
  return '{"items":[' .. table.concat(lines, ",") .. ']}'
end

function M.get_product()
  return wrk.format("GET", "/api/v1/products/" .. M.product_id(math.random(M.products)))
end

-- A three-digit substring of the names ("Bench blue widget 1234"): about 20 matches each.
function M.search_products()
  return wrk.format("GET", "/api/v1/products?q=" .. math.random(100, 999))
end

function M.create_order()
  return wrk.format("POST", "/api/v1/orders", M.auth_headers(), M.order_body())
end

function M.login()
  local body = string.format('{"email":"bench-%d@example.com","password":"%s"}',
    math.random(tonumber(os.getenv("BENCH_USERS") or "1000")), os.getenv("BENCH_PASSWORD"))
  return wrk.format("POST", "/api/v1/auth/login", { ["Content-Type"] = "application/json" }, body)
end

-- One machine-readable line for bench/lib/wrk.ts; latencies in microseconds.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end

return M
