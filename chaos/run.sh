#!/usr/bin/env bash
# The chaos run (issue 7), against one of two targets (CHAOS_TARGET):
#   standalone  API_NODES API nodes (default 2) on standalone WildFly JVMs and one remote services
#               server; clients on random live API nodes
#   domain      the local domain of ./abiquo up (its own state dir abiquo-it/target/cluster/chaos-domain):
#               the mod_cluster balancer, API_NODES API servers of group api, the remote services
#               server of its rs-* group; every client request goes through the balancer; kill -9 of a
#               server's JVM and graceful stops go through the domain controller (:start, :stop)
# In both, an in-process ZooKeeper ensemble of ZK_MEMBERS members (default 3), each API server
# reaching it through links of its own in the test JVM that the run can cut, and the remote
# services simulate the hypervisor (20 ms per operation), under a
# steady load of deploys, power off/on, resets and undeploys from CLIENTS clients on VMs of their
# own. Every 10-25 s (drawn from a Random seeded with SEED), one
# fault: kill -9 of an API node (the leader more often) then its restart, a graceful stop and
# restart, kill -9 of the remote services and their restart, a RabbitMQ restart (stop_app /
# start_app: the WHOLE machine's broker, BROKER_FAULTS=false leaves it alone), ZooKeeper down long
# enough for every session to expire, one ZooKeeper member down, a network partition of one API
# node from ZooKeeper, a freeze of one API node (SIGSTOP for 4-8 s, then SIGCONT: a GC pause longer
# than its session). After DURATION seconds the faults and the load stop, the
# system settles (no task QUEUEING/PENDING/STARTED, at most 180 s) and the invariants are checked
# (accepted tasks finished, no task open, hosts = kinton, machine usage, fencing epochs, no 500,
# other 5xx only where a fault explains them; through the balancer a 502/503 of the balancer is
# allowed while an API server is killed, stopped or restarting, and counted). The report goes to the
# console and to abiquo-it/target/chaos/report-SEED.md (report-domain-SEED.md); the command fails
# (non-zero) when an invariant is violated.
#   SEED=42 DURATION=180 chaos/run.sh
#   CHAOS_TARGET=domain SEED=42 DURATION=120 FAULTS=partition,freeze,kill,zk-member,broker chaos/run.sh
# Own ports and schema (CHAOS_PORT_OFFSET, default 3000: standalone nodes at 8080+offset+100*k; the
# domain's balancer at 8080+offset, management 9990+offset, api-N +100*N, remote services +1000;
# schema and RabbitMQ vhost kinton_chaos_cluster, or kinton_chaos_domain for the domain), so that it
# does not clash with a test build running beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
SEED="${SEED:-42}"
DURATION="${DURATION:-180}"
API_NODES="${API_NODES:-2}"
CLIENTS="${CLIENTS:-4}"
BROKER_FAULTS="${BROKER_FAULTS:-true}"
ZK_MEMBERS="${ZK_MEMBERS:-3}"
# FAULTS: kinds injected in this order, round and round (kill, graceful, rs, broker, zk-down,
# zk-member, partition, freeze); unset: drawn at random
FAULTS="${FAULTS:-}"
OFFSET="${CHAOS_PORT_OFFSET:-3000}"
TARGET="${CHAOS_TARGET:-standalone}"
case "$TARGET" in
  standalone) DB=(-Dit.db.name=kinton_chaos); NAME="$SEED" ;;
  # the domain's own schema and vhost (it.cluster.db.name), state dir and ports
  domain) DB=(-Dit.db.name=kinton_chaos_domain -Dit.cluster.db.name=kinton_chaos_domain -Dchaos.domain.portOffset="$OFFSET"
              -Dchaos.domain.state="$PWD/abiquo-it/target/cluster/chaos-domain"); NAME="domain-$SEED" ;;
  *) echo "CHAOS_TARGET: standalone or domain, not $TARGET" >&2; exit 2 ;;
esac
mkdir -p abiquo-it/target/chaos
LOG="abiquo-it/target/chaos/run-$NAME.log"
echo "==> building and running ChaosRun on the $TARGET target: seed $SEED, $DURATION s of load and faults, $API_NODES API nodes, $CLIENTS clients"
echo "    (about $((DURATION / 60 + 5)) min; full Maven output in $LOG)"
if [ "$TARGET" = domain ]; then
  # whatever happens to the test JVM, the domain it started goes (./abiquo down: by PID, only its own)
  trap 'ABIQUO_STATE="$PWD/abiquo-it/target/cluster/chaos-domain" ABIQUO_PORT_OFFSET="$OFFSET" ABIQUO_ZOOKEEPER=external ./abiquo down >/dev/null 2>&1 || true' EXIT
fi
: > "$LOG" # before the progress tail below looks for it
set +e
mvn -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=ChaosRun -Dchaos.target="$TARGET" -Dchaos.seed="$SEED" -Dchaos.duration="$DURATION" -Dchaos.apiNodes="$API_NODES" \
  -Dchaos.clients="$CLIENTS" -Dchaos.brokerFaults="$BROKER_FAULTS" -Dchaos.zookeeperMembers="$ZK_MEMBERS" -Dchaos.faults="$FAULTS" -Dchaos.report.dir="$PWD/abiquo-it/target/chaos" \
  "${DB[@]}" -Dit.port.offset=$((OFFSET - 100)) -Dit.management.port=$((9990 + OFFSET - 100)) \
  -Dit.http.port=$((8080 + OFFSET - 100)) -Dit.cluster.port.offset="$OFFSET" "$@" > "$LOG" 2>&1 &
MVN=$!
# progress: the run's own lines as they come
tail -n +1 -f "$LOG" --pid="$MVN" | grep --line-buffered -E '^\[chaos\]|BUILD|Tests run:.*Fail|ERROR\]' || true
wait "$MVN"
rc=$?
set -e
REPORT="abiquo-it/target/chaos/report-$NAME.md"
if [ -f "$REPORT" ]; then
  echo "==> report: $REPORT"
else
  echo "==> no report written (the run broke before the checks): see $LOG"
fi
if [ "$rc" -ne 0 ]; then
  echo "==> chaos run FAILED (exit $rc): seed $SEED; replay with CHAOS_TARGET=$TARGET SEED=$SEED DURATION=$DURATION${FAULTS:+ FAULTS=$FAULTS} chaos/run.sh"
fi
exit "$rc"
