-- wrk script for bench/serve.sh: POST a checkout of a copy not lent before,
-- each thread walking its own slice of BARCODES, with the librarian's
-- TOKEN; counts the answers by status (503 is "busy").
local barcodes = {}
for line in io.lines(os.getenv("BARCODES")) do barcodes[#barcodes + 1] = line end
local token = os.getenv("TOKEN")
dofile("bench/serve_status.lua")  -- response() and done(): answers counted by status
local next_thread = 0

function setup(thread)
  thread:set("slice", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

local n = 0
function request()
  local barcode = barcodes[(slice or 0) * 50000 + n + 1]
  n = n + 1
  return wrk.format("POST", "/api/v1/copies/" .. barcode .. "/checkout",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
    '{"borrower": "Bench Borrower", "newPerson": true, "days": 14}')
end
