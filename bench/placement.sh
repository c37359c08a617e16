#!/usr/bin/env bash
# Placements per second of the scheduler's in-memory placement engine (CapacityIndex), measured
# with JMH (com.abiquo.bench.PlacementBenchmark in bench/jmh) over 1,000 and 10,000 machines:
# place + reserve + release of the VM placed machines×4 operations ago, and place alone.
# Builds bench/jmh/target/benchmarks.jar first if it is missing or older than the sources.
# Extra arguments go to JMH, e.g.:
#   bench/placement.sh                       # the default short run (~1 min), prints JMH's table
#   bench/placement.sh -p machines=10000     # one size only
#   bench/placement.sh -f 3 -i 5             # more forks and iterations for steadier figures
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bench/jmh/target/benchmarks.jar

stale() {
  [[ ! -f "$JAR" ]] && return 0
  [[ -n "$(find bench/jmh/src bench/jmh/pom.xml abiquo-ejb/src/main pom.xml -newer "$JAR" -type f -print -quit)" ]]
}

if stale; then
  echo "==> building $JAR"
  if ! mvn -q -B -o -pl bench/jmh -am package -DskipTests; then
    echo "==> offline build failed; trying with the Maven repositories online"
    mvn -q -B -pl bench/jmh -am package -DskipTests
  fi
fi

echo "==> machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -1); $(java -version 2>&1 | head -1)"
echo "==> running PlacementBenchmark (Throughput, ops/s: higher is better)"
exec java -jar "$JAR" PlacementBenchmark -rf text -rff bench/jmh/target/placement-results.txt "$@"
