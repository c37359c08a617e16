#!/usr/bin/env bash
# Failover and graceful handover of the leader, measured on two real API servers (separate WildFly
# JVMs, one in-process ZooKeeper with tickTime 500 ms, Curator session 2000 ms), RUNS times each:
# from kill -9 (or SIGTERM) of the leader to the first message handled by the new leader, with
# probes flowing through the leader-only queues all along; then lost and duplicated probes.
#   RUNS=10 bench/failover.sh
# Extra arguments go to Maven, e.g. a schema and ports of its own beside other builds:
#   RUNS=5 BENCH_PORT_OFFSET=2700 bench/failover.sh -Dit.db.name=kinton_it_mine -Dit.port.offset=2200 \
#     -Dit.management.port=12190 -Dit.http.port=10280
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-10}"
echo "==> building and running FailoverBench with $RUNS runs of each kind (takes ~$((RUNS * 1)) min)"
mvn -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FailoverBench \
  -Dbench.runs="$RUNS" -Dit.cluster.port.offset="${BENCH_PORT_OFFSET:-2000}" "$@" 2>&1 \
  | grep -E '^\[bench\]|^\||^probes|BUILD|ERROR' || true
