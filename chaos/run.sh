#!/usr/bin/env bash
# The chaos run (issue 7), standalone servers: 2 API nodes (real WildFly JVMs, an in-process
# ZooKeeper ensemble of ZK_MEMBERS members, default 3, reached through links the run can cut) and
# one remote services server (simulated hypervisor, 20 ms per operation) under a
# steady load of deploys, power off/on, resets and undeploys from CLIENTS clients on VMs of their
# own, through random live API nodes. Every 10-25 s (drawn from a Random seeded with SEED), one
# fault: kill -9 of an API node (the leader more often) then its restart, a graceful stop and
# restart, kill -9 of the remote services and their restart, a RabbitMQ restart (stop_app /
# start_app: the WHOLE machine's broker, BROKER_FAULTS=false leaves it alone), ZooKeeper down long
# enough for every session to expire, one ZooKeeper member down, a network partition of one API
# node from ZooKeeper. After DURATION seconds the faults and the load stop, the
# system settles (no task QUEUEING/PENDING/STARTED, at most 180 s) and the invariants are checked
# (accepted tasks finished, no task open, hosts = kinton, machine usage, fencing epochs, no 500,
# other 5xx only where a fault explains them). The report goes to the console and to
# abiquo-it/target/chaos/report-SEED.md; the command fails (non-zero) when an invariant is violated.
#   SEED=42 DURATION=180 chaos/run.sh
# Own ports and schema (CHAOS_PORT_OFFSET, default 3000; schema kinton_chaos_cluster and RabbitMQ
# vhost of that name), so that it does not clash with a test build running beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
SEED="${SEED:-42}"
DURATION="${DURATION:-180}"
API_NODES="${API_NODES:-2}"
CLIENTS="${CLIENTS:-4}"
BROKER_FAULTS="${BROKER_FAULTS:-true}"
ZK_MEMBERS="${ZK_MEMBERS:-3}"
# FAULTS: kinds injected in this order, round and round (kill, graceful, rs, broker, zk-down,
# zk-member, partition); unset: drawn at random
FAULTS="${FAULTS:-}"
OFFSET="${CHAOS_PORT_OFFSET:-3000}"
mkdir -p abiquo-it/target/chaos
LOG="abiquo-it/target/chaos/run-$SEED.log"
echo "==> building and running ChaosRun: seed $SEED, $DURATION s of load and faults, $API_NODES API nodes, $CLIENTS clients"
echo "    (about $((DURATION / 60 + 4)) min; full Maven output in $LOG)"
set +e
mvn -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=ChaosRun -Dchaos.seed="$SEED" -Dchaos.duration="$DURATION" -Dchaos.apiNodes="$API_NODES" \
  -Dchaos.clients="$CLIENTS" -Dchaos.brokerFaults="$BROKER_FAULTS" -Dchaos.zookeeperMembers="$ZK_MEMBERS" -Dchaos.faults="$FAULTS" -Dchaos.report.dir="$PWD/abiquo-it/target/chaos" \
  -Dit.db.name=kinton_chaos -Dit.port.offset=$((OFFSET - 100)) -Dit.management.port=$((9990 + OFFSET - 100)) \
  -Dit.http.port=$((8080 + OFFSET - 100)) -Dit.cluster.port.offset="$OFFSET" "$@" > "$LOG" 2>&1 &
MVN=$!
# progress: the run's own lines as they come
tail -n +1 -f "$LOG" --pid="$MVN" | grep --line-buffered -E '^\[chaos\]|BUILD|Tests run:.*Fail|ERROR\]' || true
wait "$MVN"
rc=$?
set -e
REPORT="abiquo-it/target/chaos/report-$SEED.md"
if [ -f "$REPORT" ]; then
  echo "==> report: $REPORT"
else
  echo "==> no report written (the run broke before the checks): see $LOG"
fi
if [ "$rc" -ne 0 ]; then
  echo "==> chaos run FAILED (exit $rc): seed $SEED; replay with SEED=$SEED DURATION=$DURATION chaos/run.sh"
fi
exit "$rc"
