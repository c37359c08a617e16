#!/usr/bin/env bash
# Every benchmark, one after another, and one results table: the scheduler's placements (JMH,
# bench/placement.sh), deploys end to end on 1 and 2 API nodes with the instant simulator and with
# one taking 100 ms per operation (bench/deploy.sh), leader failover and graceful handover
# (bench/failover.sh), API read/write throughput through the balancer with 1-3 capped API servers
# (bench/api.sh). Each prints its own
# progress; the tables they end with are collected, with a description of the machine, into
# bench/results/latest.md and bench/results/latest.json (and a dated copy of each).
#   bench/run.sh                       # everything (about an hour on a 2-core machine, bench/api.sh 40-50 min of it)
#   ONLY=placement,failover bench/run.sh
#   ONLY=api bench/run.sh
# Figures that depend on the machine are only comparable within one run (see README, Benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY="${ONLY:-placement,deploy,deploy-latency,failover,api}"
OUT=bench/results
mkdir -p "$OUT"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RAW="$OUT/raw-$STAMP.txt"
: > "$RAW"

machine() {
  echo "$(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1), $(uname -sr)"
}

run() { # name, command...
  local name="$1"; shift
  echo "==> [$name] $*"
  local started=$SECONDS
  echo "### $name" >> "$RAW"
  if "$@" 2>&1 | tee -a "$RAW"; then
    echo "==> [$name] done in $((SECONDS - started)) s"
  else
    echo "==> [$name] FAILED after $((SECONDS - started)) s (its output is in $RAW)"
    echo "FAILED" >> "$RAW"
  fi
}

echo "==> machine: $(machine)"
[[ ",$ONLY," == *",placement,"* ]] && run placement bench/placement.sh
[[ ",$ONLY," == *",deploy,"* ]] && run deploy bench/deploy.sh
# a hypervisor that takes its time: the virtual factory's concurrency (8 tasks at once) sets the pace
[[ ",$ONLY," == *",deploy-latency,"* ]] && run deploy-latency env LATENCY_MS="${LATENCY_MS:-100}" DEPLOYS=300 WARMUP=40 bench/deploy.sh
[[ ",$ONLY," == *",failover,"* ]] && run failover env RUNS="${RUNS:-5}" bench/failover.sh
[[ ",$ONLY," == *",api,"* ]] && run api bench/api.sh

# the tables: JMH's result lines and the Markdown tables (| ... |) each benchmark ends with
python3 - "$RAW" "$OUT/latest.md" "$OUT/latest.json" "$(machine)" "$STAMP" <<'PY'
import json, re, sys
raw, md_path, json_path, machine, stamp = sys.argv[1:6]
sections, current = [], None
for line in open(raw, encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    if line.startswith("### "):
        current = {"benchmark": line[4:], "rows": [], "headers": set(), "failed": False}
        sections.append(current)
    elif current is None:
        continue
    elif line == "FAILED":
        current["failed"] = True
    elif re.match(r"^\|[-:| ]+\|$", line):  # a separator: the row before is the header of a new table
        if current["rows"]:
            current["headers"].add(len(current["rows"]) - 1)
    elif line.startswith("|"):
        current["rows"].append([c.strip() for c in line.strip("|").split("|")])
    elif re.match(r"^(Benchmark\s+\(|PlacementBenchmark\.\S+\s)", line):  # JMH: Benchmark (params) Mode Cnt Score Error Units
        current["rows"].append(re.sub(r"±\s+", "±", line).split())
md = [f"# Benchmarks, {stamp}", "", f"Machine: {machine}", ""]
for s in sections:
    md.append(f"## {s['benchmark']}" + (" (FAILED: see the raw output)" if s["failed"] else ""))
    md.append("")
    headers = s.pop("headers") or {0}
    for i, row in enumerate(s["rows"]):
        if i in headers and i > 0:
            md.append("")
        md.append("| " + " | ".join(row) + " |")
        if i in headers:
            md.append("|" + "---|" * len(row))
    md.append("")
open(md_path, "w").write("\n".join(md))
json.dump({"date": stamp, "machine": machine, "benchmarks": sections}, open(json_path, "w"), indent=2)
PY
cp "$OUT/latest.md" "$OUT/results-$STAMP.md"
cp "$OUT/latest.json" "$OUT/results-$STAMP.json"
echo
cat "$OUT/latest.md"
echo "==> written: $OUT/latest.md, $OUT/latest.json (raw output: $RAW)"
