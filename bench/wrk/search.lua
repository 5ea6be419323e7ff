-- GET /api/v1/customers?q=…&limit=20, rotating over a list of queries.
-- KAMS_QUERIES: the queries separated by "|" (UTF-8, not yet URL-encoded).
-- Each thread starts at a random offset and walks the list in order, so over a
-- run every query gets the same share of requests.
local dir = os.getenv("KAMS_WRK_DIR") or "bench/wrk"
local common = dofile(dir .. "/common.lua")

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local raw = os.getenv("KAMS_QUERIES")
if raw == nil or raw == "" then error("KAMS_QUERIES is not set") end
local limit = os.getenv("KAMS_SEARCH_LIMIT") or "20"
local paths = {}
for q in raw:gmatch("[^|]+") do
  paths[#paths + 1] = "/api/v1/customers?q=" .. urlencode(q) .. "&limit=" .. limit
end
wrk.headers["Cookie"] = common.cookie_header()
wrk.headers["Accept"] = "application/json"

local i = 0
setup = common.setup
init = function(args)
  common.seed()
  i = math.random(0, #paths - 1)
end

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = common.done
