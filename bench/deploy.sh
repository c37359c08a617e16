#!/usr/bin/env bash
# Deploys end to end, measured on real servers (separate WildFly JVMs, one in-process ZooKeeper):
# one remote services server (abiquo-rs.war alone) with the simulated hypervisor, instant
# (LATENCY_MS=0, the default) or taking LATENCY_MS per operation, first one API node, then two. Each round posts DEPLOYS deploys (VMs created beforehand, after
# a warm-up) from CLIENTS client threads round robin over the API nodes, waits for every task to
# finish, and reads from kinton (vm_task) the VMs deployed per second (first task created to last
# finished) and each task's latency from its creation (the 202) to FINISHED: p50, p99, max.
# TENANTS spreads the VMs over that many tenants (each enterprise's deploys serialize on its limit check).
# A warm-up first, on tenants of its own, in batches of 200 deploys until the API nodes' JIT compiler
# threads take < 5% of their CPU, at most WARMUP (2400) deploys: after 100 deploys the C2 compiler
# threads still took ~0.5 core of the measured round (JFR, 2026-11-26). DEPLOYS stays under a tenant
# network's 1022 IPs per tenant.
#   DEPLOYS=600 CLIENTS=16 TENANTS=1 LATENCY_MS=0 bench/deploy.sh
# Uses its own ports and schema (BENCH_PORT_OFFSET, default 2500; schema kinton_bench_deploy_cluster)
# so that it does not clash with a test build running beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
DEPLOYS="${DEPLOYS:-600}"
CLIENTS="${CLIENTS:-16}"
WARMUP="${WARMUP:-2400}"
TENANTS="${TENANTS:-1}"
LATENCY_MS="${LATENCY_MS:-0}"
OFFSET="${BENCH_PORT_OFFSET:-2500}"
echo "==> building and running DeployBench: $DEPLOYS deploys from $CLIENTS clients on 1 then 2 API nodes, hypervisor $LATENCY_MS ms per operation (a few minutes)"
mvn -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=DeployBench -Dbench.deploys="$DEPLOYS" -Dbench.clients="$CLIENTS" -Dbench.warmup="$WARMUP" -Dbench.tenants="$TENANTS" -Dbench.latencyMs="$LATENCY_MS" \
  -Dit.db.name=kinton_bench_deploy -Dit.port.offset=$((OFFSET - 100)) -Dit.management.port=$((9990 + OFFSET - 100)) \
  -Dit.http.port=$((8080 + OFFSET - 100)) -Dit.cluster.port.offset="$OFFSET" "$@" 2>&1 \
  | grep -E '^\[bench\]|^\||BUILD|ERROR|FAIL' || true
