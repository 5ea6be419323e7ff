-- GET /api/v1/customers/{id} with a uniformly random id in [1, KAMS_CUSTOMERS].
local dir = os.getenv("KAMS_WRK_DIR") or "bench/wrk"
local common = dofile(dir .. "/common.lua")

local n = tonumber(os.getenv("KAMS_CUSTOMERS") or "")
if n == nil or n < 1 then error("KAMS_CUSTOMERS must be the number of customers") end
wrk.headers["Cookie"] = common.cookie_header()
wrk.headers["Accept"] = "application/json"

setup = common.setup
init = function(args) common.seed() end

request = function()
  return wrk.format("GET", "/api/v1/customers/" .. math.random(1, n))
end

done = common.done
