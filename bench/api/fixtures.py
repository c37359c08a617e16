"""Fixtures of bench/api.sh, made through the API like a client: a rack in the datacenter, then
TENANTS tenants, each an enterprise with a limit in the datacenter, its administrator (role 3), a
KVM virtual datacenter, the datacenter's templates and a virtual appliance. Writes the Lua table
that the wrk scripts read (each wrk thread acts as one tenant, with that tenant's Basic credentials).

    python3 fixtures.py BASE_URL ADMIN_USER:PASSWORD DATACENTER_NAME TENANTS OUT.lua
"""
import base64
import json
import sys
import urllib.error
import urllib.request

base, admin, dc_name, tenants, out = sys.argv[1].rstrip("/") + "/api/", sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
PASSWORD = "b3nch-cloud-pw"
SUFFIX = sys.argv[6] if len(sys.argv) > 6 else ""  # names are unique: a suffix for a second run on one schema


def mt(name):
    return "application/vnd.abiquo.%s+json" % name


def call(method, path, auth, body=None, ctype=None, accept="application/json", expect=(200, 201, 204)):
    url = path if path.startswith("http") else base + path
    headers = {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode(), "Accept": accept}
    if ctype:
        headers["Content-Type"] = ctype
    req = urllib.request.Request(url, method=method, headers=headers,
                                 data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            data = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        data, status = e.read(), e.code
    if status not in expect:
        sys.exit("%s %s -> %s %s" % (method, url, status, data[:300].decode(errors="replace")))
    return json.loads(data) if data else None


def link(o, rel):
    return next(l["href"] for l in o.get("links", []) if l["rel"] == rel)


def path(href):  # http://host:port/api/x -> /api/x (wrk sends paths)
    return "/api/" + href.split("/api/", 1)[1]


dc = next(d for d in call("GET", "admin/datacenters?limit=0", admin)["collection"] if d["name"] == dc_name)
if not call("GET", link(dc, "racks"), admin, accept=mt("racks")).get("collection"):
    call("POST", link(dc, "racks"), admin, {"name": "rack"}, mt("rack"), mt("rack"))
roles = {r["name"]: r for r in call("GET", "admin/roles?limit=0", admin, accept=mt("roles"))["collection"]}
racks = call("GET", link(dc, "racks"), admin, accept=mt("racks"))["collection"]
if not call("GET", link(racks[0], "machines"), admin, accept=mt("machines")).get("collection"):
    # one KVM machine (the simulated hypervisor of the remote services), so that KVM VDCs can be made
    call("POST", link(racks[0], "machines"), admin, {
        "name": "bench-host", "description": "a host", "ip": "10.70.0.1", "ipService": "10.70.0.1", "type": "KVM",
        "user": "root", "password": "hyp3rv1sor-s3cret", "port": 8889, "virtualCpuCores": 64, "virtualRamInMb": 262144,
        "virtualCpusUsed": 0, "virtualRamUsedInMb": 0, "initiatorIQN": "iqn.2024-01.com.abiquo:host",
        "datastores": {"collection": [{"name": "datastore1", "rootPath": "/var/lib/virt", "directory": "abiquo",
                                       "datastoreUUID": "bench-ds-1", "enabled": True, "size": 1 << 40, "usedSize": 0}]},
        "networkInterfaces": {"collection": [{"name": "eth0", "mac": "00:11:22:33:44:55"}]}}, mt("machine"), mt("machine"))
role = link(roles["ENTERPRISE_ADMIN"], "edit") if "ENTERPRISE_ADMIN" in roles else base + "admin/roles/3"

lua = ["return {"]
for i in range(1, tenants + 1):
    e = call("POST", "admin/enterprises", admin, {"name": "bench-tenant-%d%s" % (i, SUFFIX)}, mt("enterprise"), mt("enterprise"))
    call("POST", link(e, "limits"), admin, {"links": [{"rel": "location", "href": link(dc, "edit")}]}, mt("limit"), mt("limit"))
    nick = "bench-user-%d%s" % (i, SUFFIX)
    call("POST", link(e, "users"), admin, {"nick": nick, "name": nick, "surname": "Bench", "email": nick + "@example.com",
                                           "password": PASSWORD, "links": [{"rel": "role", "href": role}]}, mt("user"), mt("user"))
    auth = nick + ":" + PASSWORD
    vdc = call("POST", "cloud/virtualdatacenters", auth,
               {"name": "bench-vdc-%d" % i, "hypervisorType": "KVM",
                "links": [{"rel": "location", "href": base + "cloud/locations/%d" % dc["id"]}]},
               mt("virtualdatacenter"), mt("virtualdatacenter"))
    call("PUT", link(e, "edit") + "/datacenterrepositories/%d/actions/refresh" % dc["id"], auth, accept=mt("datacenterrepository"))
    templates = call("GET", link(vdc, "templates") + "?has=tiny", auth, accept=mt("virtualmachinetemplates"))["collection"]
    vapp = call("POST", link(vdc, "virtualappliances"), auth, {"name": "bench-app"}, mt("virtualappliance"), mt("virtualappliance"))
    lua.append('  { auth = "Basic %s", vms = "%s", template = "%s" },'
               % (base64.b64encode(auth.encode()).decode(), path(link(vapp, "edit")) + "/virtualmachines",
                  link(templates[0], "edit")))
    print("    tenant %d: enterprise %s, user %s, VDC %s, appliance %s, template %s"
          % (i, e["id"], nick, vdc["id"], vapp["id"], templates[0].get("name")))
lua.append("}")
open(out, "w").write("\n".join(lua) + "\n")
