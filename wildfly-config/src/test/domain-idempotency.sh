#!/usr/bin/env bash
# The domain scripts are idempotent: configure a fresh domain, configure it again, and the second
# run must leave domain.xml and host.xml byte for byte unchanged.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JBOSS_HOME="$1"
BASE="$2"
rm -rf "$BASE"
export ABIQUO_PROPERTIES=/opt/abiquo/config/abiquo.properties ABIQUO_PORT_OFFSET=0 ABIQUO_API_SERVERS=2 ABIQUO_DATACENTERS=dc-a,dc-b
"$HERE/../main/cli/configure-domain.sh" "$JBOSS_HOME" "$BASE" >"$BASE.first.log" 2>&1 || { cat "$BASE.first.log"; exit 1; }
cp "$BASE/configuration/domain.xml" "$BASE.domain.xml.first"
cp "$BASE/configuration/host.xml" "$BASE.host.xml.first"
"$HERE/../main/cli/configure-domain.sh" "$JBOSS_HOME" "$BASE" >"$BASE.second.log" 2>&1 || { cat "$BASE.second.log"; exit 1; }
for f in domain host; do
  if ! cmp -s "$BASE.$f.xml.first" "$BASE/configuration/$f.xml"; then
    echo "FAIL: the second run changed $f.xml:"
    diff -u "$BASE.$f.xml.first" "$BASE/configuration/$f.xml" | head -50
    exit 1
  fi
done
# and it says so (what ./abiquo configure and DomainIT read)
tail -1 "$BASE.second.log" | grep -qx "configure-domain: no changes" \
  || { echo "FAIL: the second run does not report 'configure-domain: no changes': $(tail -1 "$BASE.second.log")"; exit 1; }
tail -1 "$BASE.first.log" | grep -q "^configure-domain: changed .*domain.xml" \
  || { echo "FAIL: the first run does not report its changes: $(tail -1 "$BASE.first.log")"; exit 1; }
# and the first run did what it should
for expected in 'server-group name="api" profile="abiquo-api"' 'server-group name="rs-dc-b" profile="abiquo-rs"' \
    'server-group name="load-balancer" profile="load-balancer"' 'advertise="false" listener="default" ping="3" proxies="load-balancer-mcmp"' \
    'mod-cluster name="load-balancer" management-socket-binding="mcmp-management" health-check-interval="2000" enable-http2="false"'; do
  grep -q "$expected" "$BASE/configuration/domain.xml" || { echo "FAIL: domain.xml lacks: $expected"; exit 1; }
done
for expected in 'server name="lb"' 'server name="api-2" group="api"' 'server name="rs-2" group="rs-dc-b"'; do
  grep -q "$expected" "$BASE/configuration/host.xml" || { echo "FAIL: host.xml lacks: $expected"; exit 1; }
done
if grep -q 'server-one\|main-server-group\|advertise-socket-binding' "$BASE/configuration/host.xml" "$BASE/configuration/domain.xml"; then
  echo "FAIL: a sample server, group or multicast advertising is left"; exit 1
fi
if grep -qi '<security user-name=[^>]*password="[^$]' "$BASE/configuration/domain.xml"; then
  echo "FAIL: a literal password in domain.xml"; exit 1
fi
echo "domain configuration idempotent: second run left domain.xml and host.xml unchanged"
