-- nginx ceiling: GET the static customer JSON (path from KAMS_STATIC_PATH).
local dir = os.getenv("KAMS_WRK_DIR") or "bench/wrk"
local common = dofile(dir .. "/common.lua")

wrk.path = os.getenv("KAMS_STATIC_PATH") or "/customer.json"
wrk.headers["Cookie"] = common.cookie_header()  -- same request size as the KAMS reads

setup = common.setup
done = common.done
