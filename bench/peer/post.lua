-- wrk script of bench/peer.py: POSTs the JSON body in the file named after `--`, counts
-- answers that are not a clean 200 (GraphQL errors come with status 200), and prints one
-- line, RESULT {json}. Debian's wrk 4.1 does not expose the latency histogram to Lua, so
-- the line carries the 200 quantiles 0.5%, 1%, ... 100%: blocks merge by their quantiles.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "rb"))
  local body = file:read("*a")
  file:close()
  payload = wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
  failed = 0
end

function request()
  return payload
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local failures = 0
  for _, thread in ipairs(threads) do
    failures = failures + thread:get("failed")
  end
  local quantiles = {}
  if summary.requests > 0 then
    for step = 1, 200 do
      table.insert(quantiles, string.format("%d", latency:percentile(step / 2)))
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"failed":%d,"socket_errors":%d,"quantiles_us":[%s]}\n',
    summary.requests, summary.duration, failures,
    errors.connect + errors.read + errors.write + errors.timeout, table.concat(quantiles, ",")))
end
