-- wrk script for bench/serve.sh: GET PREFIX..QUERY, each request the next
-- query of QUERIES (one URL-encoded query a line), each thread starting at
-- its own place; counts the answers by status.
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do queries[#queries + 1] = line end
local prefix = os.getenv("PREFIX")
dofile("bench/serve_status.lua")  -- response() and done(): answers counted by status
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("offset", next_thread * 997)
  table.insert(threads, thread)
end

local n = 0
function request()
  n = n + 1
  local q = queries[((offset or 0) + n) % #queries + 1]
  return wrk.format("GET", prefix .. q)
end
