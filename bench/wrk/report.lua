-- wrk script of bench/http.py: one line of JSON with the run's figures.
--   BENCH_BUST=1        a query parameter of its own on every request (?bench=<thread>-<n>),
--                       so the response cache, keyed on the full URL, misses every time
--   BENCH_BODY_FILE     POST this file's bytes as the body ...
--   BENCH_CONTENT_TYPE  ... with this Content-Type (a multipart form, say)
local bust = os.getenv("BENCH_BUST") == "1"
local threads = {}
local counter = 0
-- globals, read and set across threads with thread:get and thread:set
non2xx = 0
thread_id = 0

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_id", #threads)
end

function init(args)
   local body_file = os.getenv("BENCH_BODY_FILE")
   if body_file and body_file ~= "" then
      local file = assert(io.open(body_file, "rb"))
      wrk.method = "POST"
      wrk.body = file:read("*a")
      file:close()
      wrk.headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE")
   end
end

function request()
   if not bust then
      return wrk.request()
   end
   counter = counter + 1
   local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
   return wrk.format(nil, wrk.path .. separator .. "bench=" .. thread_id .. "-" .. counter)
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local errors = 0
   for _, thread in ipairs(threads) do
      errors = errors + thread:get("non2xx")
   end
   local socket = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "non2xx": %d, '
      .. '"socket_errors": %d, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, '
      .. '"max_ms": %.3f}\n',
      summary.requests, summary.duration, summary.bytes, errors, socket,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000))
end
