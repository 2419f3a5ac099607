-- wrk script for bench/serve.sh: POST a checkout of a copy not lent before,
-- each thread walking its own slice of BARCODES, with the librarian's
-- TOKEN; counts the answers by status (503 is "busy").
local barcodes = {}
for line in io.lines(os.getenv("BARCODES")) do barcodes[#barcodes + 1] = line end
local token = os.getenv("TOKEN")
local threads = {}
local next_thread = 0

function setup(thread)
  thread:set("slice", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

local n = 0
counts = {}
function request()
  local barcode = barcodes[(slice or 0) * 50000 + n + 1]
  n = n + 1
  return wrk.format("POST", "/api/v1/copies/" .. barcode .. "/checkout",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
    '{"borrower": "Bench Borrower", "newPerson": true, "days": 14}')
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
