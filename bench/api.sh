#!/usr/bin/env bash
# API throughput through the load balancer with 1, 2 and 3 API servers, on a real domain started
# with ./abiquo up (its own state, ports, schema and RabbitMQ virtual host), load from wrk.
#
#   bench/api.sh                      # 40-50 minutes on a 2-core machine (the warm-ups: ~7 min a server)
#   CPU_SHARE=0.3 DURATION=20 CONNECTIONS=16 TENANTS=4 bench/api.sh
#
# - READ: GET /api/cloud/virtualdatacenters (Accept application/vnd.abiquo.virtualdatacenters+json)
#   by TENANTS tenant administrators, HTTP Basic on every request as clients send it (the
#   credential cache makes that cheap); requests/s and p50/p99 latency.
# - WRITE: each wrk connection creates a NOT_ALLOCATED VM (POST, 201) and deletes it (DELETE, 202),
#   in turn: real kinton writes (limit check with the enterprise and VDC rows locked, an IP taken
#   and given back, the delete's task in kinton and Redis); bounded (at most one VM per wrk
#   connection exists at a time), so limits and IP ranges never fill.
# - CONNECTIONS wrk connections per API server taking requests (16, 32, 48 with 1, 2, 3 servers):
#   each server has the same queue of requests whatever the count. With a fixed 16 the balancer
#   (which shares new requests out evenly, not by who is free) left a 3-server round ~5 a server,
#   and whenever one server was throttled by its cap the connections gathered on it, one by one,
#   while the others ran dry: servers short of their share on a machine a third idle.
# - Each API server is warmed (directly, not capped), then its JVM is capped at CPU_SHARE of a core
#   over 10 ms periods (CPU_PERIOD_US; cgroup v2 cpu.max, or cgroup v1 cpu.cfs_quota_us where the
#   cpu controller is on v1), the same share for every server: on a machine with few cores uncapped
#   servers only compete for the same cores, capped ones show how throughput scales with servers.
#   The balancer, wrk, MariaDB and Redis are not capped; their CPU use and the machine's idle time
#   are printed for every round.
# - All SERVERS servers are started, warmed and capped first; then CYCLES cycles of one round per
#   server count (1, 2, 3, the first count rotating), the balancer told which servers take requests
#   (mod_cluster's ENABLE-APP / DISABLE-APP): a count's figure is the mean of its rounds, so the
#   machine's drift (this guest's CPU speed moves by tens of % over minutes) weighs the same on all.
# - The balancer's overhead: p50 at 1 connection directly to api-1, through the balancer and through
#   haproxy in front of api-1 (a reference for the cost of any proxy hop on this machine), one API
#   server, not capped: bench/api/PairedLatency.java sends the same read to each in turn, request by
#   request, in LOW_PAIRS rounds; the median of the rounds' overheads.
# - Before and after each server is capped, reads through the balancer shaped like the counted ones,
#   not counted, until its JIT is quiet (a new shape of traffic deoptimizes compiled code).
# - Idle memory: RSS of every process of the domain after the load, all servers up (target: < 512 MB
#   per API server).
# - Leave the servers alone during a run: starting a JFR recording on a warmed API server (even one of
#   compilation events only) left it as if its compiled code was gone (2x the CPU a read, JIT 18-27%).
# Targets printed as PASS/MISS: 2 servers >= 1.8x one, 3 >= 2.5x one (reads), balancer p50 overhead
# within 10%, idle RSS per API server < 512 MB.
#
# Own state (BENCH_STATE, default abiquo-it/target/bench-api), ports (BENCH_PORT_OFFSET, default
# 7000), schema and virtual host (kinton_bench_api); `./abiquo down` and the cgroups removed at the
# end, also on failure or Ctrl-C. Needs root (cgroups; rabbitmqctl), wrk (installed with apt-get if
# missing). Ends with Markdown tables (rows start with |) that bench/run.sh collects (ONLY=api).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
OFFSET="${BENCH_PORT_OFFSET:-7000}"
STATE="${BENCH_STATE:-$ROOT/abiquo-it/target/bench-api}"
SCHEMA="${BENCH_SCHEMA:-kinton_bench_api}"
SHARE="${CPU_SHARE:-0.3}"
DURATION="${DURATION:-20}"
# Warm-up per server, uncapped, in rounds of WARMUP s of reads then writes, until its JIT compiler
# threads used less than JIT_QUIET % of the share the server will be capped at (at most WARMUP_MAX
# s): measured here, a server capped after a fixed 2 minutes still spent ~30% of its share in C2
# compiler threads, and a request then cost twice the CPU of one on a server whose compiler had gone
# quiet; a warm-up that stopped at 5% of the uncapped server's CPU still left ~18% of the share.
WARMUP="${WARMUP:-20}"
WARMUP_MAX="${WARMUP_MAX:-600}"
JIT_QUIET="${JIT_QUIET:-5}"
SETTLE_MAX="${SETTLE_MAX:-120}"
CONNECTIONS="${CONNECTIONS:-16}" # per API server taking requests
TENANTS="${TENANTS:-4}"
THREADS=$((TENANTS < CONNECTIONS ? TENANTS : CONNECTIONS)) # wrk threads of the balanced rounds: a tenant each
LOW_DURATION="${LOW_DURATION:-10}"
LOW_PAIRS="${LOW_PAIRS:-5}"
SERVERS="${SERVERS:-3}"
DATACENTER="bench-api-dc"
ADMIN="admin:xabiquo"
LB="http://127.0.0.1:$((8080 + OFFSET))"
READ_PATH="/api/cloud/virtualdatacenters"
READ_TYPE="application/vnd.abiquo.virtualdatacenters+json"
# The cap's accounting period (CFS bandwidth control): a server spends its share of each period, at
# full speed on both cores if it has the work, and is then stopped until the next period starts.
# 10 ms, not the kernel's 100 ms: stopped for up to 70 ms in every 100, a server gathered the
# connections the balancer kept sending it while the others ran dry, and with 2 servers a read cost
# 1.85-1.99 ms of CPU against 1.72-1.78 alone (2 servers 1.72x one); over 10 ms periods it cost about
# the same whatever the count (bench/HISTORY.md, session 11), as on servers with cores of their own.
PERIOD="${CPU_PERIOD_US:-10000}"
QUOTA="$(awk -v s="$SHARE" -v p="$PERIOD" 'BEGIN { printf "%d", s * p }')"
CG_NAME="abiquo-bench-api-$OFFSET"
TICKS="$(getconf CLK_TCK)"
export ABIQUO_STATE="$STATE" ABIQUO_PORT_OFFSET="$OFFSET"
DOMAIN="$STATE/domain"
WORK="$STATE/bench"

say() { printf '[bench-api] %s\n' "$*"; }
die() { printf '[bench-api] ERROR: %s\n' "$*" >&2; exit 1; }

# ---- cgroups: one per capped server, under $CG_BASE ------------------------------------------------
CG_V=""
CG_ROOT=""
CG_BASE=""
cg_init() {
  if grep -qw cpu /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
    CG_V=2
    CG_ROOT=/sys/fs/cgroup
    CG_BASE="$CG_ROOT/$CG_NAME"
    grep -qw cpu "$CG_ROOT/cgroup.subtree_control" || echo +cpu >"$CG_ROOT/cgroup.subtree_control"
    mkdir -p "$CG_BASE"
    grep -qw cpu "$CG_BASE/cgroup.subtree_control" || echo +cpu >"$CG_BASE/cgroup.subtree_control"
  elif [ -f /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]; then
    # a hybrid hierarchy whose cpu controller is on cgroup v1 (cgroup v2 there has no cpu controller)
    CG_V=1
    CG_ROOT=/sys/fs/cgroup/cpu
    CG_BASE="$CG_ROOT/$CG_NAME"
    mkdir -p "$CG_BASE"
  else
    die "no cgroup cpu controller found (neither v2 cpu.max nor v1 cpu.cfs_quota_us): cannot cap the servers"
  fi
}

cap() { # server pid: moves the JVM (every thread: cgroup.procs) into its own cgroup at $SHARE of a core
  local dir="$CG_BASE/$1"
  mkdir -p "$dir"
  if [ "$CG_V" = 2 ]; then
    echo "$QUOTA $PERIOD" >"$dir/cpu.max"
  else
    echo "$PERIOD" >"$dir/cpu.cfs_period_us"
    echo "$QUOTA" >"$dir/cpu.cfs_quota_us"
  fi
  echo "$2" >"$dir/cgroup.procs"
  say "$1 (pid $2) capped at $SHARE core: cgroup v$CG_V $dir ($([ "$CG_V" = 2 ] && cat "$dir/cpu.max" || echo "cfs_quota_us $(cat "$dir/cpu.cfs_quota_us") / cfs_period_us $(cat "$dir/cpu.cfs_period_us")"))"
}

throttled() { # server: how often and how long (ms) its cgroup was throttled so far
  local f="$CG_BASE/$1/cpu.stat"
  [ -f "$f" ] || { echo "0 0"; return; }
  if [ "$CG_V" = 2 ]; then
    awk '/^nr_throttled/ {n=$2} /^throttled_usec/ {t=$2/1000} END {printf "%d %d\n", n, t}' "$f"
  else
    awk '/^nr_throttled/ {n=$2} /^throttled_time/ {t=$2/1000000} END {printf "%d %d\n", n, t}' "$f"
  fi
}

cg_cleanup() {
  [ -n "$CG_BASE" ] && [ -d "$CG_BASE" ] || return 0
  local dir pid
  for dir in "$CG_BASE"/*/; do
    [ -f "$dir/cgroup.procs" ] || continue
    for pid in $(cat "$dir/cgroup.procs"); do echo "$pid" >"$CG_ROOT/cgroup.procs" 2>/dev/null || true; done
    rmdir "$dir" 2>/dev/null || say "could not remove $dir"
  done
  rmdir "$CG_BASE" 2>/dev/null || say "could not remove $CG_BASE"
  say "cgroups removed ($CG_BASE)"
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "${WRK_PID:-}" ] && kill "$WRK_PID" 2>/dev/null || true
  [ -n "${HAPROXY_PID:-}" ] && kill "$HAPROXY_PID" 2>/dev/null || true
  say "stopping the domain (./abiquo down)"
  ./abiquo down >"$STATE/down.log" 2>&1 || say "./abiquo down failed: see $STATE/down.log"
  cg_cleanup
  exit "$rc"
}

# ---- processes and their CPU ----------------------------------------------------------------------
server_pid() { pgrep -f -- "-D\[Server:$1\] .*-Djboss.domain.base.dir=$DOMAIN( |\$)" | head -1; }
controller_pid() { pgrep -f -- "-D\[$1\] .*-Djboss.domain.base.dir=$DOMAIN( |\$)" | head -1; }
stat_ticks() { # stat file of a process or thread: user+system CPU ticks so far (0 if gone)
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$1" 2>/dev/null || echo 0
}
ticks() { stat_ticks "/proc/$1/stat"; } # pid
jit_ticks() { # pid: CPU ticks of its JIT compiler threads so far
  local t sum=0
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ Compiler* | C2\ Compiler*) sum=$((sum + $(stat_ticks "$t/stat"))) ;;
    esac
  done
  echo "$sum"
}
jit_quiet() { # jit0 jit1 seconds: true when the compiler threads used < JIT_QUIET % of the share in between
  awk -v j="$(($2 - $1))" -v hz="$TICKS" -v s="$3" -v share="$SHARE" -v q="$JIT_QUIET" 'BEGIN { exit !(j / hz / s < share * q / 100) }'
}
jit_cores() { # jit0 jit1 seconds
  awk -v j="$(($2 - $1))" -v hz="$TICKS" -v s="$3" 'BEGIN { printf "%.3f", j / hz / s }'
}
jit_share() { # ticks0 ticks1 jit0 jit1: % of the server's CPU spent compiling in between
  awk -v t="$(($2 - $1))" -v j="$(($4 - $3))" 'BEGIN { printf "%d", (t > 0 ? 100 * j / t : 0) }'
}
machine_ticks() { awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6 }' /proc/stat; } # total idle
rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }

served() { # n [max-seconds]: requests each of api-1..n has answered so far (abiquo_http_requests_seconds_count, its /api/admin/metrics)
  local i
  for ((i = 1; i <= $1; i++)); do
    curl -s --max-time "${2:-20}" -u "$ADMIN" "http://127.0.0.1:$((8080 + OFFSET + 100 * i))/api/admin/metrics" \
      | awk '/^abiquo_http_requests_seconds_count/ { s += $NF } END { printf "%d ", s }'
  done
}

# ---- wrk ---------------------------------------------------------------------------------------------
WRK_PID=""
RESULT=""
WRK_CPU=""
wrk_run() { # url seconds threads connections mode...: sets RESULT (the RESULT line) and WRK_CPU (cores)
  local url="$1" seconds="$2" threads="$3" conns="$4" out
  shift 4
  out="$WORK/wrk-$(date +%s%N).out"
  # a subshell whose children's CPU (cutime+cstime) is wrk's once wrk is waited for
  (
    wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 10s -s "$ROOT/bench/api/api.lua" "$url" -- "$@" >"$out" 2>&1 || true
    awk '{ sub(/^.*\) /, ""); print $14 + $15 }' "/proc/$BASHPID/stat" >"$out.cpu"
  ) &
  WRK_PID=$!
  wait "$WRK_PID" || true
  WRK_PID=""
  RESULT="$(grep '^RESULT ' "$out" || true)"
  [ -n "$RESULT" ] || die "wrk gave no result: $(tail -5 "$out")"
  WRK_CPU="$(awk -v t="$(cat "$out.cpu")" -v hz="$TICKS" -v s="$seconds" 'BEGIN { printf "%.2f", t / hz / s }')"
}
val() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $RESULT"; }
rps() { awk -v r="$(val requests)" -v d="$(val duration_us)" 'BEGIN { printf "%.1f", r / (d / 1e6) }'; }
ms() { awk -v u="$(val "$1")" 'BEGIN { printf "%.1f", u / 1000 }'; }
us_ms() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; } # microseconds as ms, 2 decimals
errors() { # failed requests: non-2xx (wrk) or an unexpected status (the script), socket errors, timeouts
  local bad=$(($(val non2xx) > $(val failed) ? $(val non2xx) : $(val failed)))
  echo $((bad + $(val connect) + $(val read) + $(val write) + $(val timeout)))
}

read_load() { wrk_run "$1" "$2" "$3" "$4" read "$WORK/tenants.lua" "$READ_PATH" "$READ_TYPE"; }
write_load() { wrk_run "$1" "$2" "$3" "$4" write "$WORK/tenants.lua"; }

# A measured round through the balancer: CPU of each API server, the balancer, wrk and the machine.
ROUND=""
measure() { # kind(read|write) n
  local kind="$1" n="$2" i pids=() before=() after=() m0 m1 lb lb0 lb1 api_cores="" thr0=() thr1=()
  local jit0=() jits=""
  # The admin's Basic credential, which reads the servers' counters, has gone unused on a server for
  # longer than the credential cache keeps it (another server's warm-up takes minutes): asked first
  # thing in the round, each capped server verified the password again (PBKDF2: seconds of CPU,
  # three to five times as long under the cap), counted in the round's CPU and JIT share and, when
  # curl gave up first, eating the quota of the measured seconds. Asked before the snapshots, it is
  # verified when they are taken.
  local served0 served1
  served0=($(served "$n" 120))
  for ((i = 1; i <= n; i++)); do pids+=("$(server_pid "api-$i")"); before+=("$(ticks "${pids[-1]}")"); jit0+=("$(jit_ticks "${pids[-1]}")"); thr0+=("$(throttled "api-$i")"); done
  lb="$(server_pid lb)"
  lb0="$(ticks "$lb")"
  m0="$(machine_ticks)"
  "${kind}_load" "$LB" "$DURATION" "$THREADS" $((CONNECTIONS * n))
  m1="$(machine_ticks)"
  lb1="$(ticks "$lb")"
  local secs
  secs="$(awk -v d="$(val duration_us)" 'BEGIN { print d / 1e6 }')"
  local throttles=""
  for ((i = 1; i <= n; i++)); do
    after+=("$(ticks "${pids[$((i - 1))]}")")
    jits+="$(jit_share "${before[$((i - 1))]}" "${after[-1]}" "${jit0[$((i - 1))]}" "$(jit_ticks "${pids[$((i - 1))]}")") "
    api_cores+="$(awk -v a="${after[-1]}" -v b="${before[$((i - 1))]}" -v hz="$TICKS" -v s="$secs" 'BEGIN { printf "%.2f", (a - b) / hz / s }') "
    thr1+=("$(throttled "api-$i")")
    throttles+="$(( ${thr1[-1]%% *} - ${thr0[$((i - 1))]%% *} )) "
  done
  ROUND_LB="$(awk -v a="$lb1" -v b="$lb0" -v hz="$TICKS" -v s="$secs" 'BEGIN { printf "%.2f", (a - b) / hz / s }')"
  ROUND_IDLE="$(awk -v t0="${m0% *}" -v i0="${m0#* }" -v t1="${m1% *}" -v i1="${m1#* }" 'BEGIN { printf "%.0f", 100 * (i1 - i0) / (t1 - t0) }')"
  ROUND_API="$(echo $api_cores | tr ' ' '/')"
  served1=($(served "$n"))
  local spread="" total=0
  for ((i = 0; i < n; i++)); do total=$((total + served1[i] - served0[i])); done
  for ((i = 0; i < n; i++)); do spread+="$(( total > 0 ? 100 * (served1[i] - served0[i]) / total : 0 ))/"; done
  ROUND_SPREAD="${spread%/}"
  ROUND_THROTTLED="$(echo $throttles | tr ' ' '/')"
  ROUND_JIT="$(echo $jits | tr ' ' '/')"
  ROUND="$(rps) $(ms p50_us) $(ms p99_us) $(errors)"
  # what a request cost the servers: it moves with the machine (wake-ups, a busy core) and the JIT
  ROUND_CPU_MS="$(awk -v c="$api_cores" -v r="$(rps)" 'BEGIN { n = split(c, a, " "); for (i = 1; i <= n; i++) t += a[i]; printf "%.2f", (r > 0 ? 1000 * t / r : 0) }')"
  say "  $kind, $n API server(s): $(rps) req/s, p50 $(ms p50_us) ms, p99 $(ms p99_us) ms, errors $(errors)$([ "$kind" = write ] && echo ", VMs created $(val created), deleted $(val deleted)"); requests per server $ROUND_SPREAD %; CPU (cores): API servers $ROUND_API, ${ROUND_CPU_MS} ms per request (cap $SHARE each; throttled periods $ROUND_THROTTLED; JIT compiling $ROUND_JIT % of it), balancer $ROUND_LB, wrk $WRK_CPU; machine idle ${ROUND_IDLE}%; load average $(cut -d' ' -f1 /proc/loadavg)"
  [ "$(errors)" = 0 ] || say "  WARNING: $(errors) failed requests (unexpected status $(val failed), timeouts $(val timeout), connect/read/write errors $(val connect)/$(val read)/$(val write)$([ -n "$(val first_failure)" ] && echo "; first: $(val first_failure)"))"
  # did every capped server get its share? If not, something other than the caps limited the figure
  ROUND_SHARE_USED="$(awk -v c="$ROUND_API" -v s="$SHARE" 'BEGIN { n = split(c, a, "/"); m = 1e9; for (i = 1; i <= n; i++) if (a[i] < m) m = a[i]; printf "%.0f", 100 * m / s }')"
  ((ROUND_SHARE_USED >= 90)) || say "  NOTE: an API server used only ${ROUND_SHARE_USED}% of its share with the machine ${ROUND_IDLE}% idle: this figure is limited by something other than the caps (the machine, other processes, or too few requests queued at that server)"
  # a server's CPU time per request grows when the machine is saturated (measured: a capped server
  # answered half as many reads for the same 0.3 core at load 20 as at load 8): no idle, no figure
  if ((ROUND_SHARE_USED >= 90 && ROUND_IDLE < 10)); then
    say "  NOTE: the machine was only ${ROUND_IDLE}% idle: the servers got their share, but each request costs more CPU on a saturated machine; compare rounds only on a quiet machine"
    ROUND_SHARE_USED=89
  fi
}

touch_credentials() { # port: one read per tenant straight to a server, one after another: a tenant's
  # first Basic request on a server, or its first after the credential cache's TTL (300 s unused),
  # pays the slow password hash (seconds under the cap), which no counted round must include
  local auth
  for auth in $(sed -n 's/.*auth = "Basic \([^"]*\)".*/\1/p' "$WORK/tenants.lua"); do
    curl -s -o /dev/null --max-time 60 -H "Authorization: Basic $auth" -H "Accept: $READ_TYPE" "http://127.0.0.1:$1$READ_PATH" || true
  done
}

warm() { # server port: reads and writes straight to it, not capped yet, until its JIT is quiet
  say "warming $1 (rounds of ${WARMUP} s of reads and ${WARMUP} s of writes, directly at 127.0.0.1:$2, not capped, until its JIT compiler uses < ${JIT_QUIET}% of ${SHARE} core; at most ${WARMUP_MAX} s)"
  touch_credentials "$2"
  warm_until_quiet "$(server_pid "$1")" $((2 * WARMUP)) "$WARMUP_MAX" direct_round "$2"
}

WARM_SAID=""
warm_until_quiet() { # pid round-seconds max-seconds command...: rounds of the command until pid's JIT compiler is quiet
  local pid="$1" secs="$2" max="$3" t0 j0 j1 spent=0
  shift 3
  while :; do
    t0="$(ticks "$pid")"; j0="$(jit_ticks "$pid")"
    "$@"
    j1="$(jit_ticks "$pid")"
    spent=$((spent + secs))
    say "  ${spent} s: $WARM_SAID; JIT compiler threads $(jit_share "$t0" "$(ticks "$pid")" "$j0" "$j1")% of its CPU, $(jit_cores "$j0" "$j1" "$secs") core"
    jit_quiet "$j0" "$j1" "$secs" && return
    ((spent < max)) || { say "  NOTE: its JIT still compiles after ${spent} s; measuring anyway"; return; }
  done
}
direct_round() { # port: reads, then writes, straight to one server
  local reads
  read_load "http://127.0.0.1:$1" "$WARMUP" 2 8
  reads="$(rps)"
  [ "$(errors)" = 0 ] || say "  WARNING: $(errors) failed reads during the warm-up ($(val first_failure))"
  write_load "http://127.0.0.1:$1" "$WARMUP" 2 8
  [ "$(errors)" = 0 ] || say "  WARNING: $(errors) failed writes during the warm-up ($(val first_failure))"
  WARM_SAID="reads $reads req/s, writes $(rps) req/s"
}
balancer_round() { # reads through the balancer
  read_load "$LB" "$WARMUP" 2 8
  WARM_SAID="$(rps) req/s"
}
# Capped, a server runs paths its uncapped warm-up never ran (requests queued behind the quota, pool
# waits) and compiles them: measured 11-19% of a newly capped server's share in its JIT in the first
# counted round. A round shaped like the counted ones (same connections and tenants) lets it do so
# before the figures are taken. Each counted round also reads every server's counters (served: the
# Prometheus text of /api/admin/metrics); the first time, a server compiled that code inside the
# counted round (JIT 12-18% of the newest server's share in it, 1-5% in the settling round just
# before), so the settling rounds read them too.
settle_round() { # n: API servers
  served "$1" 120 >/dev/null || true
  read_load "$LB" "$WARMUP" "$THREADS" $((CONNECTIONS * $1))
  WARM_SAID="$(rps) req/s through the balancer"
}

# ---- the balancer's overhead ------------------------------------------------------------------------
# At 1 connection: the same read directly to api-1, through the balancer and, as a reference for what
# any proxy hop costs on this machine, through haproxy (a C event-loop proxy, Debian package;
# REFERENCE_PROXY=none leaves it out) in front of api-1 alone. bench/api/PairedLatency.java sends them
# in turn, request by request, so every figure comes from the same seconds: measured here, the p50 of
# back-to-back 6-s wrk runs against the same server drifted by a third (one round's balancer came
# out 27% faster than its direct run), more than the overhead being measured. LOW_PAIRS rounds of
# LOW_DURATION s; the overhead is the median over the rounds.
REFERENCE_PROXY="${REFERENCE_PROXY:-haproxy}"
HAPROXY_PORT=$((8070 + OFFSET))
HAPROXY_PID=""
haproxy_start() { # haproxy at $HAPROXY_PORT in front of api-1 alone, keep-alive both ways
  command -v haproxy >/dev/null || {
    say "haproxy (the reference proxy) is missing: installing the Debian package haproxy (apt-get install -y haproxy; it is not started as a service)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null && { systemctl disable --now haproxy >/dev/null 2>&1 || service haproxy stop >/dev/null 2>&1 || true; }
  } || { say "  could not install haproxy: no reference figure"; return 1; }
  cat >"$WORK/haproxy.cfg" <<CFG
global
  nbthread 1
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  option http-keep-alive
frontend bench
  bind 127.0.0.1:$HAPROXY_PORT
  default_backend api1
backend api1
  http-reuse always
  server api-1 127.0.0.1:$((8180 + OFFSET))
CFG
  haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid" >"$WORK/haproxy.log" 2>&1 || { say "  haproxy did not start: $(tail -2 "$WORK/haproxy.log")"; return 1; }
  HAPROXY_PID="$(cat "$WORK/haproxy.pid")"
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", 100 * (a - b) / b }'; }
balancer_overhead() { # sets P50_DIRECT, P50_LB (medians, us), OVERHEAD (median %), REF_OVERHEAD (or empty)
  local out="$WORK/paired.out" targets auth
  targets=("direct=http://127.0.0.1:$((8180 + OFFSET))" "balancer=$LB")
  [ "$REFERENCE_PROXY" = haproxy ] && haproxy_start && targets+=("haproxy=http://127.0.0.1:$HAPROXY_PORT")
  auth="$(sed -n 's/.*auth = "\(Basic [^"]*\)".*/\1/p' "$WORK/tenants.lua" | head -1)"
  say "the balancer's overhead: 1 connection, ${LOW_PAIRS} rounds of ${LOW_DURATION} s of reads sent in turn, request by request, to ${targets[*]%%=*} (not capped)"
  java -XX:+UseSerialGC -Xmx64m "$ROOT/bench/api/PairedLatency.java" --rounds "$LOW_PAIRS" --seconds "$LOW_DURATION" --warmup 5 \
    --path "$READ_PATH" --accept "$READ_TYPE" --auth "$auth" "${targets[@]}" >"$out" 2>&1 || die "PairedLatency failed: $(tail -3 "$out")"
  [ -n "$HAPROXY_PID" ] && kill "$HAPROXY_PID" 2>/dev/null; HAPROXY_PID=""
  paired_field() { sed -n "s/^ROUND $1 $2 .*$3=\([^ ]*\).*/\1/p" "$out"; } # round target field
  local k line errors
  for ((k = 1; k <= LOW_PAIRS; k++)); do
    line="  round $k: p50 direct $(us_ms "$(paired_field $k direct p50_us)") ms, balancer $(us_ms "$(paired_field $k balancer p50_us)") ms ($(paired_field $k balancer overhead_pct)%)"
    [ -z "$(paired_field $k haproxy p50_us)" ] || line+=", haproxy $(us_ms "$(paired_field $k haproxy p50_us)") ms ($(paired_field $k haproxy overhead_pct)%)"
    say "$line; $(paired_field $k direct requests) requests each"
  done
  errors="$(awk '/^ROUND/ { for (i = 1; i <= NF; i++) if ($i ~ /^errors=/) { sub(/errors=/, "", $i); e += $i } } END { print e + 0 }' "$out")"
  [ "$errors" = 0 ] || say "  WARNING: $errors failed requests in these rounds"
  paired_all() { sed -n "s/^ROUND [0-9]* $1 .*$2=\([^ ]*\).*/\1/p" "$out" | tr '\n' ' '; } # target field: every round's
  P50_DIRECT="$(paired_all direct p50_us | median)"; P50_LB="$(paired_all balancer p50_us | median)"; OVERHEAD="$(paired_all balancer overhead_pct | median)"
  REF_OVERHEAD=""
  [ -z "$(paired_all haproxy p50_us)" ] || REF_OVERHEAD="$(paired_all haproxy overhead_pct | median)"
  say "  median: direct $(us_ms "$P50_DIRECT") ms, balancer $(us_ms "$P50_LB") ms; overhead ${OVERHEAD}%$([ -n "$REF_OVERHEAD" ] && echo ", haproxy ${REF_OVERHEAD}%")"
}

# ---- start ---------------------------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || die "run as root (cgroups, rabbitmqctl)"
if ! command -v wrk >/dev/null; then
  say "wrk is missing: installing the Debian package wrk (apt-get install -y wrk)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || die "could not install wrk"
fi
command -v rabbitmqctl >/dev/null || die "rabbitmqctl is missing (./abiquo up installs RabbitMQ: run it once)"
say "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%FT%TZ); $SERVERS API servers at most, each capped at $SHARE core once warm; $CONNECTIONS connections per server taking requests, $TENANTS tenants, ${DURATION} s per figure"

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
./abiquo down >/dev/null 2>&1 || true # a domain left over by an interrupted run
rm -rf "$STATE"
mkdir -p "$WORK"
cg_init

say "fresh schema $SCHEMA and RabbitMQ virtual host $SCHEMA"
mariadb -uroot -e "DROP DATABASE IF EXISTS $SCHEMA; CREATE DATABASE $SCHEMA CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" 2>/dev/null \
  || mariadb -h127.0.0.1 -uabiquo -pabiquo -e "DROP DATABASE IF EXISTS $SCHEMA; CREATE DATABASE $SCHEMA CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" \
  || die "cannot create the schema $SCHEMA"
for attempt in 1 2 3 4 5 6; do # the broker may be restarting (chaos runs on the same machine)
  rabbitmqctl -q delete_vhost "$SCHEMA" >/dev/null 2>&1 || true
  if rabbitmqctl -q add_vhost "$SCHEMA" >/dev/null 2>&1 \
      && rabbitmqctl -q set_permissions -p "$SCHEMA" guest '.*' '.*' '.*' >/dev/null 2>&1; then break; fi
  [ "$attempt" = 6 ] && die "rabbitmqctl could not create the virtual host $SCHEMA"
  say "rabbitmqctl failed (the broker restarting?); again in 10 s"
  sleep 10
done
{
  cat abiquo.properties.example
  printf '\n# bench/api.sh\nabiquo.database.url = jdbc:mariadb://127.0.0.1:3306/%s\nabiquo.rabbitmq.virtualHost = %s\n' "$SCHEMA" "$SCHEMA"
  printf 'abiquo.server.admin.initialPassword = %s\nabiquo.datacenter.id = %s\n' "${ADMIN#*:}" "$DATACENTER"
} >"$STATE/abiquo.properties"
chmod 600 "$STATE/abiquo.properties"

say "./abiquo up with 1 API server (state $STATE, port offset $OFFSET; log $STATE/up.log)"
if ! ABIQUO_API_SERVERS=1 ./abiquo up 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' | tee "$STATE/up.log" | sed -un 's/^==> /[bench-api]   up: /p'; then
  die "./abiquo up failed: see $STATE/up.log"
fi

say "fixtures through the API: $TENANTS tenants (enterprise, administrator, VDC, appliance)"
python3 bench/api/fixtures.py "$LB" "$ADMIN" "$DATACENTER" "$TENANTS" "$WORK/tenants.lua" >"$WORK/fixtures.log" 2>&1 \
  || die "the fixtures failed: $(tail -3 "$WORK/fixtures.log")"
sed 's/^ */[bench-api]   /' "$WORK/fixtures.log"

MEM_ROWS=()
MAX_API_RSS=0
idle_memory() { # RSS, heap and GC figures of every process of the domain, 15 s after the load
  say "idle memory: 15 s without requests, then RSS"
  sleep 15
  local name pid rss heap gc i
  for name in $(for ((i = 1; i <= SERVERS; i++)); do echo "api-$i"; done) lb rs-1 "Host Controller" "Process Controller"; do
    if [[ "$name" == *Controller ]]; then pid="$(controller_pid "$name")"; else pid="$(server_pid "$name")"; fi
    [ -n "$pid" ] || continue
    rss="$(rss_mb "$pid")"
    heap="$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '
      /total .*used/ { for (i = 1; i <= NF; i++) { if ($i == "total") t += $(i+1); if ($i == "used") u += $(i+1) } }
      /Metaspace/ { for (i = 1; i <= NF; i++) { if ($i == "used") m = $(i+1); if ($i == "committed") c = $(i+1) } }
      END { gsub(/K,?/, "", m); printf "%d / %d | %d", u / 1024, t / 1024, m / 1024 }' || true)"
    [ -n "$heap" ] || heap="- | -"
    gc="$(jstat -gcutil "$pid" 2>/dev/null | awk 'NR == 2 { printf "%s / %s | %.1f", $7, $9, $NF }' || true)"
    [ -n "$gc" ] || gc="- | -"
    MEM_ROWS+=("| $name | $rss | $heap | $gc |")
    if [[ "$name" == api-* ]] && ((rss > MAX_API_RSS)); then MAX_API_RSS=$rss; fi
    say "  $name (pid $pid): RSS $rss MB, heap used/committed and metaspace MB: $heap"
  done
}

# Every server is started, warmed and capped first; then the server counts are measured in CYCLES
# cycles, each cycle one round per count (1, 2, 3, the first count rotating from cycle to cycle),
# all through the balancer, which is told which servers take requests (route). A count's figure is
# the mean of its rounds. Why interleave: the CPU a request costs moves with the machine, not only
# with the code: measured here, the same fixed loop of integer work took 112 to 210 ms from one run
# to the next, 3 s apart, on an idle guest (the host's other tenants), +45% with the other vCPU busy;
# measured count after count (1 2 3 2 1), whatever the machine did during a count's rounds went whole
# into that count's figure (a capped server's CPU per read moved between 1.3 and 2.8 ms from round to
# round with its compiler quiet).
CYCLES="${CYCLES:-4}"
MCMP="http://127.0.0.1:$((8090 + OFFSET))"
ROUTE_SETTLE="${ROUTE_SETTLE:-21}"
route() { # n: new requests go to api-1..n only; the others' contexts disabled at the balancer (MCMP
  # ENABLE-APP / DISABLE-APP for the node, the messages a server sends when it is told to disable its
  # contexts); requests already sent finish where they are
  local i method node nodes
  nodes="$(curl -s --max-time 10 -X DUMP "$MCMP/")" # a line per node, its JVMRoute <host>:<server>
  for ((i = 1; i <= SERVERS; i++)); do
    method=$( ((i <= $1)) && echo ENABLE-APP || echo DISABLE-APP)
    node="$(sed -n "s/.*JVMRoute: \([^,]*:api-$i\),.*/\1/p" <<<"$nodes" | head -1)"
    [ -n "$node" ] || die "api-$i is not registered with the balancer ($MCMP)"
    [ "$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -X "$method" --data "JVMRoute=$node" "$MCMP/*")" = 200 ] \
      || die "the balancer refused $method for $node"
  done
  # The balancer elects the node with the fewest requests since its previous count reset (every
  # health-check-interval, 10 s): a node enabled again after a round without it would take every
  # request until it caught up with the others' counts (seen: 0/99 %). Two resets without requests
  # leave every count at zero.
  sleep "$ROUTE_SETTLE"
  # a server left out of the rounds for over 300 s would have dropped its cached credentials and
  # re-verify the tenants' passwords (seconds under the cap) inside a counted round: every server's, directly
  for ((i = 1; i <= SERVERS; i++)); do touch_credentials $((8080 + OFFSET + 100 * i)); done
}

declare -A SPREAD READ WRITE CPU_API CPU_LB IDLE CPU_WRK THROTTLED SHARE_USED CPU_MS
ROUNDS=()
measure_both() { # n round-key (n@cycle)
  local kind k
  say "measuring with $1 API server(s) (each capped at $SHARE core), through the balancer (${2#*@}. cycle)"
  for kind in read write; do
    measure "$kind" "$1"
    k="${kind:0:1}$2"
    if [ "$kind" = read ]; then READ[$2]="$ROUND"; SHARE_USED[$2]="$ROUND_SHARE_USED"; else WRITE[$2]="$ROUND"; fi
    SPREAD[$k]="$ROUND_SPREAD"; CPU_API[$k]="$ROUND_API"; CPU_LB[$k]="$ROUND_LB"; IDLE[$k]="$ROUND_IDLE"; CPU_WRK[$k]="$WRK_CPU"; THROTTLED[$k]="$ROUND_THROTTLED"; CPU_MS[$k]="$ROUND_CPU_MS"
  done
  ROUNDS+=("$2")
}
for ((n = 1; n <= SERVERS; n++)); do
  if ((n > 1)); then
    say "./abiquo add-api (api-$n)"
    ./abiquo add-api 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >>"$STATE/add-api.log" || die "./abiquo add-api failed: see $STATE/add-api.log"
  fi
  warm "api-$n" $((8080 + OFFSET + 100 * n))
  if ((n == 1)); then
    say "warming the balancer: rounds of ${WARMUP} s of reads through it (not capped) until its JIT compiler uses < ${JIT_QUIET}% of ${SHARE} core"
    warm_until_quiet "$(server_pid lb)" "$WARMUP" "$WARMUP_MAX" balancer_round
    balancer_overhead
  fi
  # Each new shape of traffic (through the balancer rather than direct, another Host header, the
  # counters' page) sends compiled methods back to the interpreter (the compilation log: dozens of
  # C2 methods of the request path made not entrant) and recompiling them under the cap took a
  # server 10-16% of its share for up to 2 minutes: the counted rounds' traffic first, uncapped.
  say "warming api-$n with the counted rounds' traffic (through the balancer, counters read), not capped yet, until its JIT compiler uses < ${JIT_QUIET}% of ${SHARE} core (at most ${WARMUP_MAX} s)"
  warm_until_quiet "$(server_pid "api-$n")" "$WARMUP" "$WARMUP_MAX" settle_round "$n"
  cap "api-$n" "$(server_pid "api-$n")"
  sleep 2
  say "settling: reads through the balancer, not counted, until api-$n's JIT compiler uses < ${JIT_QUIET}% of its ${SHARE} core, now capped (at most ${SETTLE_MAX} s)"
  warm_until_quiet "$(server_pid "api-$n")" "$WARMUP" "$SETTLE_MAX" settle_round "$n"
done
say "every server capped; one round of reads per server count, not counted (each count's queueing paths compiled before the cycles)"
for ((n = 1; n <= SERVERS; n++)); do
  route "$n"
  settle_round "$n"
  say "  $n API server(s): $WARM_SAID"
done
for ((c = 1; c <= CYCLES; c++)); do
  for ((j = 0; j < SERVERS; j++)); do
    n=$(((c - 1 + j) % SERVERS + 1))
    route "$n"
    measure_both "$n" "$n@$c"
  done
done
idle_memory # all the servers are up here, each after its share of the load

# ---- results --------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= t : v <= t; print ok ? "PASS" : "MISS" }'; }
rps_of() { cut -d' ' -f1 <<<"$1"; }
count_mean() { # results array name, n: mean req/s of the rounds with n servers (every cycle's)
  local -n results="$1"
  local key all=""
  for key in "${ROUNDS[@]}"; do [ "${key%@*}" != "$2" ] || all+="$(rps_of "${results[$key]}") "; done
  awk -v all="$all" 'BEGIN { n = split(all, a, " "); for (i = 1; i <= n; i++) t += a[i]; printf "%.1f", (n ? t / n : 0) }'
}
cycle_ratios() { # results array name, n: each cycle's n-server figure over its 1-server figure
  local -n results="$1"
  local c out=""
  for ((c = 1; c <= CYCLES; c++)); do out+="$(ratio "$(rps_of "${results[$2@$c]}")" "$(rps_of "${results[1@$c]}")") "; done
  echo "${out% }"
}
machine_bound() { # n...: a note when a server of a round with that many servers did not get 90% of its share
  local n k note=""
  for n in "$@"; do
    for k in "${ROUNDS[@]}"; do
      [ "${k%@*}" = "$n" ] && [ -n "${SHARE_USED[$k]:-}" ] || continue
      ((${SHARE_USED[$k]} >= 90)) || note+=" $k, machine ${IDLE[r$k]}% idle,"
    done
  done
  [ -z "$note" ] || echo " (not comparable: the round of${note%,} was limited by more than the caps; see the NOTEs)"
}
echo
echo "API throughput through the balancer ($(date -u +%FT%TZ), load average before the tables $(cut -d' ' -f1-3 /proc/loadavg)); each API server capped at $SHARE core over $((PERIOD / 1000)) ms periods (cgroup v$CG_V), the balancer, wrk and the databases not; $CONNECTIONS connections per server taking requests, from $TENANTS tenants, ${DURATION} s per figure; rounds in the order run, $CYCLES cycles of one round per server count (1 to $SERVERS, the balancer told which servers take requests); a server count's figure is the mean of its rounds"
echo
throughput_table() { # label (read|write ...), results array name, round key prefix (r|w)
  local -n results="$2"
  local first key n rps p50 p99 err
  first="$(count_mean "$2" 1)"
  echo "| API servers (each capped at $SHARE core) | $1 req/s | vs 1 server | ${1%% *} p50 ms | ${1%% *} p99 ms | errors | requests per server % | CPU cores: API servers | CPU ms per request | balancer | wrk | machine idle % |"
  echo "|---|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---:|"
  for key in "${ROUNDS[@]}"; do
    read -r rps p50 p99 err <<<"${results[$key]}"
    echo "| ${key%@*} (cycle ${key#*@}) | $rps | $(ratio "$rps" "$first")x | $p50 | $p99 | $err | ${SPREAD[$3$key]} | ${CPU_API[$3$key]} | ${CPU_MS[$3$key]} | ${CPU_LB[$3$key]} | ${CPU_WRK[$3$key]} | ${IDLE[$3$key]} |"
  done
  for ((n = 1; n <= SERVERS; n++)); do
    echo "| **$n, mean** | **$(count_mean "$2" "$n")** | **$(ratio "$(count_mean "$2" "$n")" "$first")x** | | | | | | | | | |"
  done
}
throughput_table read READ r
echo
throughput_table "write (VM create + delete)" WRITE w
echo
echo "| process (idle after the load) | RSS MB | heap used / committed MB | metaspace used MB | GCs young / full | GC time s |"
echo "|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${MEM_ROWS[@]}"
echo
echo "| target | measured | result |"
echo "|---|---|---|"
r1="$(count_mean READ 1)"
if ((SERVERS >= 2)); then
  x2="$(ratio "$(count_mean READ 2)" "$r1")"
  echo "| reads, 2 capped API servers >= 1.8x one | ${x2}x (means of $CYCLES rounds each; cycle by cycle $(cycle_ratios READ 2))$(machine_bound 1 2) | $(verdict "$x2" 1.8 ">=") |"
fi
if ((SERVERS >= 3)); then
  x3="$(ratio "$(count_mean READ 3)" "$r1")"
  echo "| reads, 3 capped API servers >= 2.5x one | ${x3}x (cycle by cycle $(cycle_ratios READ 3))$(machine_bound 1 3) | $(verdict "$x3" 2.5 ">=") |"
fi
echo "| balancer p50 overhead at 1 connection <= 10% | direct $(us_ms "$P50_DIRECT") ms, balancer $(us_ms "$P50_LB") ms (medians of $LOW_PAIRS rounds): ${OVERHEAD}%$([ -n "$REF_OVERHEAD" ] && echo "; haproxy, for reference, ${REF_OVERHEAD}%") | $(verdict "$OVERHEAD" 10 "<=") |"
echo "| idle RSS per API server < 512 MB | max $MAX_API_RSS MB | $( ((MAX_API_RSS < 512)) && echo PASS || echo MISS) |"
