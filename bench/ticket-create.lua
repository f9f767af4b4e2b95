-- wrk script: POST /api/v1/tickets with a unique ticket and requester per request.
-- The token comes from XIAOER_TOKEN; done() prints one row of the benchmark table.
local token = os.getenv("XIAOER_TOKEN")
-- Seeded per wrk thread (each has its own Lua state) so that no two threads or runs share requesters.
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local counter = 0
local prefix = tostring(math.random(1, 1e9))

request = function()
  counter = counter + 1
  local n = prefix .. "-" .. counter
  local body = '{"subject":"化肥还没发货 #' .. n .. '","body":"我 3 号订的复合肥（订单 ' .. n ..
      '）到今天还显示未发货，能不能加急？","requester":{"email":"farmer' .. n ..
      '@example.test","name":"张建国"},"type":"logistics","priority":"high"}'
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("%-8s %12.0f %10.2f %10.2f %10.2f %8d\n", os.getenv("CLIENTS") or "?",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, errors))
end

