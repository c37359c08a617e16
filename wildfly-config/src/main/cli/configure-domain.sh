#!/usr/bin/env bash
# Configures an abiquo WildFly domain idempotently, offline (embedded host controller) or, with
# ABIQUO_CONTROLLER set, online through the running domain controller:
#
#   configure-domain.sh JBOSS_HOME DOMAIN_BASE_DIR
#
# DOMAIN_BASE_DIR is the installation's copy of JBOSS_HOME/domain (created from it when missing).
# The last line of the output says what the run changed: "configure-domain: no changes" when
# domain.xml and host.xml are byte for byte what they were (the scripts are idempotent: a second
# run must say so), else "configure-domain: changed <files>" after a diff of each.
# Settings from the environment:
#   ABIQUO_PROPERTIES      path of abiquo.properties           (default /opt/abiquo/config/abiquo.properties)
#   ABIQUO_PORT_OFFSET     port offset of the installation     (default 0: balancer on 8080/8443, MCMP 8090;
#                          api-N at +100*N, the RS of the k-th datacenter at +1000+100*(k-1))
#   ABIQUO_API_SERVERS     number of API servers api-1..N      (default 2)
#   ABIQUO_DATACENTERS     datacenter ids, one rs-<id> group each (default: abiquo.datacenter.id of
#                          the properties file, else local-dc-1)
#   ABIQUO_LB_KEYSTORE     the balancer's PKCS12 keystore (its password: abiquo.lb.keystore.password)
#   ABIQUO_HTTP            false: the balancer serves HTTPS only (clients send Basic credentials)
#   MARIADB_JAR            Connector/J jar, installed as module org.mariadb when missing (offline only)
#   ABIQUO_CONTROLLER      host:port of the running domain controller's management interface: apply
#                          the same scripts online (no restart; every change is persisted at once)
#   ABIQUO_TEST_API_ZK_CONNECTIONS
#                          TEST ONLY (the chaos run): "api-1=host:port,... api-2=host:port,..." gives
#                          each named API server its own ZooKeeper connection as a server-level
#                          system property abiquo.api.zk.serverConnection (it overrides the file's:
#                          the chaos run's links that it can cut per server); servers not named
#                          lose such a property. Never set it in an installation.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JBOSS_HOME="$(cd "$1" && pwd)"
BASE="$2"
PROPS="${ABIQUO_PROPERTIES:-/opt/abiquo/config/abiquo.properties}"
OFFSET="${ABIQUO_PORT_OFFSET:-0}"
APIS="${ABIQUO_API_SERVERS:-2}"
DCS="${ABIQUO_DATACENTERS:-$( [ -r "$PROPS" ] && sed -n 's/^abiquo\.datacenter\.id *= *//p' "$PROPS" | tr -d '\r' || true)}"
DCS="${DCS:-local-dc-1}"

if [ ! -d "$BASE" ]; then
  mkdir -p "$BASE"
  cp -r "$JBOSS_HOME/domain/configuration" "$BASE/configuration"
fi

ONLINE="${ABIQUO_CONTROLLER:-}"
CONF="$BASE/configuration"
script="$(mktemp)"
before="$(mktemp -d)"
trap 'rm -rf "$script" "$before"' EXIT
cp "$CONF/domain.xml" "$CONF/host.xml" "$before/"
{
  echo "set propertiesPath=$PROPS"
  echo "set mcmpPort=$((8090 + OFFSET))"
  echo "set lbOffset=$OFFSET"
  echo "set keystore=${ABIQUO_LB_KEYSTORE:-$BASE/configuration/abiquo-lb.p12}"
  echo "set host=primary"
  if [ -z "$ONLINE" ] && [ -n "${MARIADB_JAR:-}" ] && [ ! -d "$JBOSS_HOME/modules/org/mariadb" ]; then
    echo "module add --name=org.mariadb --resources=$MARIADB_JAR --dependencies=java.sql,java.naming,jakarta.transaction.api"
  fi
  [ -n "$ONLINE" ] || echo "embed-host-controller --std-out=discard --domain-config=domain.xml --host-config=host.xml"
  for profile in abiquo-api abiquo-rs; do
    echo "set profile=$profile"
    cat "$HERE/profile.cli"
  done
  cat "$HERE/domain.cli"
  mcmp=/socket-binding-group=abiquo-sockets/remote-destination-outbound-socket-binding=load-balancer-mcmp
  printf 'if (result != %s) of %s:read-attribute(name=port)\n  %s:write-attribute(name=port, value=%s)\nend-if\n' \
    "$((8090 + OFFSET))" "$mcmp" "$mcmp" "$((8090 + OFFSET))"
  listener=/profile=load-balancer/subsystem=undertow/server=default-server/http-listener=default
  if [ "${ABIQUO_HTTP:-true}" = false ]; then
    printf 'if (outcome == success) of %s:read-resource\n  %s:remove\nend-if\n' "$listener" "$listener"
  else
    printf 'if (outcome != success) of %s:read-resource\n  %s:add(socket-binding=http, redirect-socket=https, enable-http2=true)\nend-if\n' "$listener" "$listener"
  fi
  for ((n = 1; n <= APIS; n++)); do
    echo "set server=api-$n"
    echo "set offset=$((OFFSET + 100 * n))"
    cat "$HERE/api-server.cli"
    # test only (see ABIQUO_TEST_API_ZK_CONNECTIONS above)
    zk=""
    for entry in ${ABIQUO_TEST_API_ZK_CONNECTIONS:-}; do
      [ "${entry%%=*}" = "api-$n" ] && zk="${entry#*=}"
    done
    property="/host=primary/server-config=api-$n/system-property=abiquo.api.zk.serverConnection"
    if [ -n "$zk" ]; then
      printf 'if (outcome != success) of %s:read-resource\n  %s:add(value="%s", boot-time=true)\nend-if\n' "$property" "$property" "$zk"
      printf '%s:write-attribute(name=value, value="%s")\n' "$property" "$zk"
    else
      printf 'if (outcome == success) of %s:read-resource\n  %s:remove\nend-if\n' "$property" "$property"
    fi
  done
  k=0
  for dc in ${DCS//,/ }; do
    k=$((k + 1))
    echo "set dc=$dc"
    echo "set rsServer=rs-$k"
    echo "set rsOffset=$((OFFSET + 1000 + 100 * (k - 1)))"
    cat "$HERE/rs-group.cli"
  done
  [ -n "$ONLINE" ] || echo "stop-embedded-host-controller"
} >"$script"

output="$before/cli.out"
if [ -n "$ONLINE" ]; then
  JBOSS_HOME="$JBOSS_HOME" "$JBOSS_HOME/bin/jboss-cli.sh" --connect --controller="$ONLINE" --echo-command --file="$script" | tee "$output"
else
  JBOSS_HOME="$JBOSS_HOME" "$JBOSS_HOME/bin/jboss-cli.sh" --file="$script" -Djboss.domain.base.dir="$BASE" | tee "$output"
fi

changed=""
# online, an operation that puts servers in reload- or restart-required changed something too
if grep -q '"operation-requires-re\(load\|start\)" => true' "$output"; then
  changed=" (servers need a reload or restart)"
fi
for f in domain.xml host.xml; do
  if ! cmp -s "$before/$f" "$CONF/$f"; then
    changed="$changed $f"
    diff -u "$before/$f" "$CONF/$f" | sed 's/^/  | /' || true
  fi
done
if [ -z "$changed" ]; then
  echo "configure-domain: no changes"
else
  echo "configure-domain: changed$changed"
fi
