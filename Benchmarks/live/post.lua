-- wrk script: POST the JSON body in $FOLIO_BODY to /render; counts non-200 answers.
local file = io.open(os.getenv("FOLIO_BODY"), "rb")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
local failures = 0
response = function(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("renders/s %.1f; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; errors: %d socket, %d non-2xx\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
