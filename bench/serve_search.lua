-- wrk script for bench/serve.sh: GET PREFIX..QUERY, each request the next
-- query of QUERIES (one URL-encoded query a line), each thread starting at
-- its own place; counts the answers by status.
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do queries[#queries + 1] = line end
local prefix = os.getenv("PREFIX")
local threads = {}
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("offset", next_thread * 997)
  table.insert(threads, thread)
end

local n = 0
counts = {}
function request()
  n = n + 1
  local q = queries[((offset or 0) + n) % #queries + 1]
  return wrk.format("GET", prefix .. q)
end

function response(status)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + count end
  end
  for status, count in pairs(total) do io.write(string.format("status %d: %d\n", status, count)) end
end
