-- wrk script of bench/api.sh. Each wrk thread acts as one tenant (its own HTTP Basic credentials,
-- sent on every request as real clients do), from the table that bench/api/fixtures.py writes.
--   wrk ... -s api.lua URL -- read  TENANTS.lua PATH MEDIATYPE   GET PATH with Accept MEDIATYPE
--   wrk ... -s api.lua URL -- write TENANTS.lua                  create a NOT_ALLOCATED VM in the
--       tenant's appliance (POST, 201), then delete it (DELETE, 202): every request is a real
--       write (the limit check locks the enterprise and VDC rows, an IP is taken and given back,
--       the delete writes its finished task to kinton and Redis), and the VMs alive at any time
--       are at most the connections, so limits and IP ranges never fill up.
-- done() prints one machine-readable line: RESULT key=value...

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local mode, tenant, post_headers, delete_headers, body
local pending = {}
created, deleted, failed, first_failure = 0, 0, 0, ""

function init(args)
  mode = args[1]
  local tenants = dofile(args[2])
  tenant = tenants[(id - 1) % #tenants + 1]
  wrk.headers["Authorization"] = tenant.auth
  if mode == "read" then
    wrk.method = "GET"
    wrk.path = args[3]
    wrk.headers["Accept"] = args[4]
    response = read_response
  else
    post_headers = { ["Authorization"] = tenant.auth,
                     ["Content-Type"] = "application/vnd.abiquo.virtualmachine+json",
                     ["Accept"] = "application/vnd.abiquo.virtualmachine+json" }
    delete_headers = { ["Authorization"] = tenant.auth, ["Accept"] = "application/vnd.abiquo.acceptedrequest+json" }
    body = '{"label":"bench-vm","cpu":1,"ram":256,"links":[{"rel":"virtualmachinetemplate","href":"'
        .. tenant.template .. '"}]}'
    request = write_request
    response = write_response
  end
end

function read_response(status, headers, resp)
  if status ~= 200 then
    failed = failed + 1
    if first_failure == "" then first_failure = status .. " " .. string.sub(resp or "", 1, 160):gsub("%s", "_") end
  end
end

function write_request()
  local href = table.remove(pending)
  if href then
    return wrk.format("DELETE", href, delete_headers)
  end
  return wrk.format("POST", tenant.vms, post_headers, body)
end

function write_response(status, headers, resp)
  if status == 201 then
    created = created + 1
    local href = resp:match('"rel":"edit","href":"https?://[^/]+(/api/[^"]+)"')
    if href then table.insert(pending, href) end
  elseif status == 202 then
    deleted = deleted + 1
  else
    failed = failed + 1
    if first_failure == "" then first_failure = status .. " " .. string.sub(resp or "", 1, 160):gsub("%s", "_") end
  end
end

function done(summary, latency, requests)
  local c, d, f, why = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    c = c + (t:get("created") or 0)
    d = d + (t:get("deleted") or 0)
    f = f + (t:get("failed") or 0)
    if why == "" then why = t:get("first_failure") or "" end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d created=%d deleted=%d failed=%d first_failure=%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.status, e.connect, e.read, e.write, e.timeout, c, d, f, why))
end
