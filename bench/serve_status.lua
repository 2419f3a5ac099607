-- What bench/serve.sh's wrk scripts share: each thread counts its answers by
-- status, and at the end the counts of every thread are printed, a line a
-- status (`status 200: N`). A script loads it with dofile and adds each thread
-- it sets up to `threads`.
threads = {}
counts = {}

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
