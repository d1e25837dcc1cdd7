-- wrk script of bench/http.py: one line of JSON with the run's figures.
--   BENCH_BUST=1        a query parameter of its own on every request (?bench=<thread>-<n>),
--                       so the response cache, keyed on the full URL, misses every time
--   BENCH_BODY_FILE     POST this file's bytes as the body ...
--   BENCH_CONTENT_TYPE  ... with this Content-Type (a multipart form, say)
--   BENCH_WORDS_FILE    end the path with a line of this file, a different one each request
--                       (each thread its share of the lines, in turn): a search per word
--   BENCH_TOKENS_FILE   POST {"token": "<a line of this file>"} as JSON, a line per request,
--                       each thread its share of the lines (BENCH_THREADS threads): for
--                       links that work once (ballot confirmations)
local bust = os.getenv("BENCH_BUST") == "1"
local threads = {}
local counter = 0
local tokens = nil
local words = nil
-- globals, read and set across threads with thread:get and thread:set
non2xx = 0
thread_id = 0

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_id", #threads)
end

-- This thread's share of the lines of the file named by the environment variable `name`
-- (every BENCH_THREADS-th line), or nil when it names none.
local function share_of_lines(name)
   local path = os.getenv(name)
   if not path or path == "" then
      return nil
   end
   local threads_count = tonumber(os.getenv("BENCH_THREADS"))
   local lines = {}
   local number = 0
   for line in io.lines(path) do
      if number % threads_count == thread_id - 1 then
         table.insert(lines, line)
      end
      number = number + 1
   end
   return lines
end

function init(args)
   tokens = share_of_lines("BENCH_TOKENS_FILE")
   if tokens then
      wrk.method = "POST"
      wrk.headers["Content-Type"] = "application/json"
   end
   words = share_of_lines("BENCH_WORDS_FILE")
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
   if tokens then
      counter = counter + 1
      local token = tokens[counter] or tokens[#tokens]  -- used up: a 409, counted as an error
      return wrk.format(nil, nil, nil, '{"token": "' .. token .. '"}')
   end
   if words then
      counter = counter + 1
      return wrk.format(nil, wrk.path .. words[(counter - 1) % #words + 1])
   end
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
