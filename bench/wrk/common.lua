-- Shared by the KAMS wrk scripts: session cookie, per-thread seeding and one
-- machine-readable summary line that bench/run.sh parses (wrk's own text output,
-- with --latency, stays in the log for people).
local M = {}

function M.cookie_header()
  local cookie = os.getenv("KAMS_COOKIE")
  if cookie == nil or cookie == "" then
    error("KAMS_COOKIE is not set (the value of the kams_session cookie)")
  end
  return "kams_session=" .. cookie
end

local counter = 0
-- Give every wrk thread its own random sequence (setup runs once per thread).
function M.setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
end

function M.seed()
  local base = tonumber(os.getenv("KAMS_BENCH_SEED") or "") or os.time()
  math.randomseed(base * 1000 + (thread_no or 0))
  -- LuaJIT's first values after seeding are poorly mixed; discard a few.
  for _ = 1, 10 do math.random() end
end

-- One line: BENCH key=value ... (latencies in microseconds).
function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d bytes=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d " ..
    "max_us=%d mean_us=%.1f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean, e.status, e.connect, e.read, e.write, e.timeout))
end

return M
