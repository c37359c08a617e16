#!/usr/bin/env bash
# Deploys end to end, measured on real servers (separate WildFly JVMs, one in-process ZooKeeper):
# one remote services server (abiquo-rs.war alone) with the instant simulated hypervisor (latency
# 0), first one API node, then two. Each round posts DEPLOYS deploys (VMs created beforehand, after
# a warm-up) from CLIENTS client threads round robin over the API nodes, waits for every task to
# finish, and reads from kinton (vm_task) the VMs deployed per second (first task created to last
# finished) and each task's latency from its creation (the 202) to FINISHED: p50, p99, max.
# TENANTS spreads the VMs over that many tenants (each enterprise's deploys serialize on its limit check).
#   DEPLOYS=200 CLIENTS=8 TENANTS=1 bench/deploy.sh
# Uses its own ports and schema (BENCH_PORT_OFFSET, default 2500; schema kinton_bench_deploy_cluster)
# so that it does not clash with a test build running beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
DEPLOYS="${DEPLOYS:-200}"
CLIENTS="${CLIENTS:-8}"
WARMUP="${WARMUP:-40}"
TENANTS="${TENANTS:-1}"
OFFSET="${BENCH_PORT_OFFSET:-2500}"
echo "==> building and running DeployBench: $DEPLOYS deploys from $CLIENTS clients on 1 then 2 API nodes (a few minutes)"
mvn -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=DeployBench -Dbench.deploys="$DEPLOYS" -Dbench.clients="$CLIENTS" -Dbench.warmup="$WARMUP" -Dbench.tenants="$TENANTS" \
  -Dit.db.name=kinton_bench_deploy -Dit.port.offset=$((OFFSET - 100)) -Dit.management.port=$((9990 + OFFSET - 100)) \
  -Dit.http.port=$((8080 + OFFSET - 100)) -Dit.cluster.port.offset="$OFFSET" "$@" 2>&1 \
  | grep -E '^\[bench\]|^\||BUILD|ERROR|FAIL' || true
