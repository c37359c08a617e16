package com.abiquo.it.cluster;

import static com.abiquo.it.cluster.ClusterDeploys.ACCEPTED;
import static com.abiquo.it.cluster.ClusterDeploys.TASK;
import static com.abiquo.it.cluster.ClusterDeploys.VM;
import static com.abiquo.it.cluster.ClusterDeploys.rows;
import static com.abiquo.it.cluster.ClusterDeploys.value;
import static com.abiquo.it.cluster.ClusterDeploys.via;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.abiquo.it.Api;
import com.abiquo.it.Rabbitmqctl;
import com.abiquo.it.Resp;
import com.abiquo.it.cluster.ClusterDeploys.Datacenter;
import com.abiquo.it.cluster.ClusterDeploys.Tenant;
import com.abiquo.it.cluster.ChaosTarget.Named;
import com.abiquo.it.cluster.ChaosTarget.Server;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The chaos run, not a test of the normal build (run by chaos/run.sh only): real API servers
 * (an in-process ZooKeeper ensemble of three members, each API node reaching it through links the
 * run can cut) and one remote services server (simulated hypervisor with latency), on the target
 * {@code chaos.target} names ({@link ChaosTarget}: standalone WildFly JVMs, clients on random live
 * API nodes; or the local domain of ./abiquo up, clients through its balancer), under a steady
 * load of deploys, power actions, resets and undeploys
 * from several clients, each on VMs of its own; meanwhile, at random
 * intervals drawn from a seeded Random, one fault at a time: kill -9 of an API node (the leader
 * more often) and its restart, a graceful stop and restart, kill -9 of the remote services and
 * their restart, a RabbitMQ application restart (the whole machine's broker), ZooKeeper down long
 * enough for every session to expire, one ZooKeeper member down (the quorum holds), a network
 * partition of one API node (the leader more often) from ZooKeeper long enough for its session to
 * expire while the others go on, a freeze (SIGSTOP, then SIGCONT) of one API node (the leader more
 * often) for longer than its session, as in a long GC pause. Then the faults and the load stop, the
 * system settles, and the invariants are checked: every accepted task finished, no task open, the simulated hosts run
 * exactly the VMs kinton places on them (none twice, none missing, same power state), each
 * machine's usage is the sum of its VMs and within its capacity, work of epoch e never committed
 * after work of epoch e+1 (processed_message), never two leaders (sampled), no HTTP 500, other
 * 5xx and connection failures only where a fault explains them. Writes a report
 * (target/chaos/report-SEED.md) and fails when an invariant is violated.
 */
class ChaosRun {

    static final String DATACENTER = "chaos-dc-" + ClusterDeploys.SCHEMA;
    static final String STATE = Api.type("virtualmachinestate");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    final long seed = Long.getLong("chaos.seed", 42);
    final int duration = Integer.getInteger("chaos.duration", 180);
    final int apiCount = Integer.getInteger("chaos.apiNodes", 2);
    final int clients = Integer.getInteger("chaos.clients", 4);
    final int vmsPerClient = Integer.getInteger("chaos.vmsPerClient", 4);
    final int minGap = Integer.getInteger("chaos.minGapSeconds", 10);
    final int maxGap = Integer.getInteger("chaos.maxGapSeconds", 25);
    final boolean brokerFaults = Boolean.parseBoolean(System.getProperty("chaos.brokerFaults", "true"));
    final int zookeeperMembers = Integer.getInteger("chaos.zookeeperMembers", 3);
    /** Fault kinds to inject in this order, round and round (targets and pauses still drawn); blank: drawn too. */
    final List<String> faultOrder = java.util.Arrays.stream(System.getProperty("chaos.faults", "").split(","))
            .map(String::strip).filter(k -> !k.isEmpty()).toList();
    static final List<String> FAULT_KINDS = List.of("kill", "graceful", "rs", "broker", "zk-down", "zk-member", "partition",
            "freeze");
    final Path reportDir = Path.of(System.getProperty("chaos.report.dir", "target/chaos"));
    /** standalone (WildFly JVMs of LocalCluster) or domain (the local domain of ./abiquo up, clients through its balancer) */
    final String targetKind = System.getProperty("chaos.target", "standalone");

    ChaosTarget target;
    Server rs;
    long t0;
    volatile boolean stop;
    final Set<Server> down = ConcurrentHashMap.newKeySet();

    /** Something that happened to the system: a fault, from start to restored (end 0 while it lasts). */
    static final class Fault {
        final String kind;
        final String target;
        final long start;
        volatile long end;
        String note = "";

        Fault(String kind, String target, long start) {
            this.kind = kind;
            this.target = target;
            this.start = start;
        }

        boolean covers(long at, long before, long after) {
            return at >= start - before && at <= (end == 0 ? Long.MAX_VALUE : end + after);
        }
    }

    record Failure(long at, String node, String op, int status, String detail) {
    }

    record Accepted(String taskId, String op, String vm, String node, long at) {
    }

    record Ended(String taskId, String op, String state, long acceptedAt, long endedAt) {
    }

    final List<Fault> faults = new CopyOnWriteArrayList<>();
    final List<Failure> failures = new CopyOnWriteArrayList<>();
    final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    final List<Ended> ended = new CopyOnWriteArrayList<>();
    final List<String> stuck = new CopyOnWriteArrayList<>();
    final List<String> leaderOverlaps = new CopyOnWriteArrayList<>();
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final Map<String, List<String>> violations = new LinkedHashMap<>();

    void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[chaos] %7.1f s  " + format + "%n",
                concat((System.currentTimeMillis() - t0) / 1000.0, args));
    }

    static Object[] concat(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void chaos() throws Exception {
        t0 = System.currentTimeMillis();
        System.out.printf(Locale.ROOT, "[chaos] seed %d, %d s, target %s, %d API nodes, %d clients x %d VMs, faults every %d-%d s%s%n",
                seed, duration, targetKind, apiCount, clients, vmsPerClient, minGap, maxGap,
                brokerFaults ? "" : " (no broker faults)");
        try (ChaosTarget c = switch (targetKind) {
            case "standalone" -> new StandaloneTarget(zookeeperMembers);
            case "domain" -> new DomainTarget(zookeeperMembers, this::log);
            default -> throw new IllegalArgumentException("chaos.target: standalone or domain, not " + targetKind);
        }) {
            target = c;
            target.start(apiCount, DATACENTER, Map.of("abiquo.rs.simulator.latencyMs", "20"));
            rs = target.remoteServices();
            log("%d API nodes and the remote services are up: %s", apiCount, target.description());
            Endpoint first = target.balancer().map(b -> (Endpoint) b).orElse(target.apiServers().get(0));
            Datacenter dc = ClusterDeploys.datacenter(first, rs, DATACENTER);
            // 16 one-CPU VMs (4 clients x 4) on 3 x 5 CPUs: most deploys fit, now and then one does not
            int machines = 3;
            int cpus = Math.max(2, (clients * vmsPerClient - 1) / machines);
            List<JsonNode> hosts = new ArrayList<>();
            for (int i = 0; i < machines; i++) {
                hosts.add(dc.machine(cpus, 16384));
            }
            List<Tenant> tenants = new ArrayList<>();
            List<List<JsonNode>> vms = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Tenant t = dc.tenant();
                tenants.add(t);
                List<JsonNode> own = new ArrayList<>();
                for (int v = 0; v < vmsPerClient; v++) {
                    own.add(t.vm("chaos-" + i + "-" + v, 1, 512));
                }
                vms.add(own);
            }
            log("datacenter with %d machines of %d CPUs, %d tenants with %d VMs each", machines, cpus, clients, vmsPerClient);

            long runStart = System.currentTimeMillis();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int index = i;
                threads.add(start("chaos-client-" + i, false, () -> client(index, tenants.get(index), vms.get(index))));
            }
            Thread watcher = start("chaos-leader-watch", true, this::watchLeaders);
            Thread injector = start("chaos-faults", false, () -> inject(runStart));
            while (System.currentTimeMillis() < runStart + duration * 1000L) {
                Thread.sleep(500);
            }
            stop = true;
            log("duration over: the faults and the load stop");
            injector.join();
            for (Thread t : threads) {
                t.join(300_000);
            }
            watcher.interrupt();
            for (Server n : target.apiServers()) {
                if (!n.alive()) {
                    log("restarting %s", n.name());
                    target.restart(n);
                }
            }
            if (!rs.alive()) {
                target.restart(rs);
            }
            long settleStart = System.currentTimeMillis();
            long settled = settle(180_000);
            log("settled in %d ms", settled - settleStart);
            check(dc, hosts);
            String report = report(settled - settleStart);
            Files.createDirectories(reportDir);
            Path file = reportDir.resolve("report-" + (targetKind.equals("standalone") ? "" : targetKind + "-") + seed + ".md");
            Files.writeString(file, report);
            System.out.println(report);
            System.out.println("[chaos] report written to " + file.toAbsolutePath());
            int total = violations.values().stream().mapToInt(List::size).sum();
            assertThat(total).as("invariant violations (see " + file.toAbsolutePath() + ")").isZero();
        }
    }

    // ---------------------------------------------------------------- load

    /** A client: random actions on its own VMs, each waiting (bounded) for the previous task on that VM to end. */
    void client(int index, Tenant t, List<JsonNode> vms) {
        Random random = new Random(seed * 1_000_003L + index);
        Set<String> skipped = new HashSet<>();
        while (!stop) {
            JsonNode vm = vms.get(random.nextInt(vms.size()));
            String self = ClusterDeploys.edit(vm);
            if (skipped.contains(self)) {
                pause(200);
                continue;
            }
            Optional<Named> reader = liveNode(random);
            if (reader.isEmpty()) {
                pause(200);
                continue;
            }
            Named r0 = reader.get();
            Resp read = call(r0, "read", () -> t.api().get(via(r0, self), VM));
            if (read == null || read.status() != 200) {
                pause(300);
                continue;
            }
            String state = read.json().path("state").asText();
            String op = choose(state, random);
            Optional<Named> node = liveNode(random);
            if (node.isEmpty()) {
                continue;
            }
            Named n = node.get();
            Resp r = call(n, op, () -> switch (op) {
                case "deploy" -> t.api().post(via(n, self + "/action/deploy"), null, ACCEPTED, null);
                case "undeploy" -> t.api().post(via(n, self + "/action/undeploy"), null, ACCEPTED, null);
                case "reset" -> t.api().post(via(n, self + "/action/reset"), null, ACCEPTED, null);
                case "power-off" -> t.api().put(via(n, self + "/state"), STATE, ACCEPTED, Map.of("state", "OFF"));
                case "power-on" -> t.api().put(via(n, self + "/state"), STATE, ACCEPTED, Map.of("state", "ON"));
                default -> throw new IllegalArgumentException(op);
            });
            if (r != null && r.status() == 202) {
                String status = r.link("status");
                String taskId = status.substring(status.lastIndexOf('/') + 1);
                long at = System.currentTimeMillis();
                accepted.add(new Accepted(taskId, op, vm.path("id").asText(), n.name(), at));
                JsonNode task = await(t, status, random, at + 150_000);
                if (task == null) {
                    stuck.add(taskId + " (" + op + " of VM " + vm.path("id").asText() + ")");
                    skipped.add(self);
                    log("task %s (%s) did not end within 150 s: VM %s left alone", taskId, op, vm.path("id").asText());
                } else {
                    String end = task.path("state").asText();
                    ended.add(new Ended(taskId, op, end, at, System.currentTimeMillis()));
                    count("task " + op, end);
                }
            }
            pause(100 + random.nextInt(400));
        }
    }

    /** The next action for a VM in {@code state}: mostly valid ones, now and then one the API must refuse (409). */
    static String choose(String state, Random random) {
        double p = random.nextDouble();
        return switch (state) {
            case "NOT_ALLOCATED" -> p < 0.9 ? "deploy" : p < 0.95 ? "power-on" : "undeploy";
            case "ON" -> p < 0.35 ? "power-off" : p < 0.7 ? "undeploy" : p < 0.9 ? "reset" : "deploy";
            case "OFF" -> p < 0.5 ? "power-on" : p < 0.9 ? "undeploy" : "reset";
            default -> "undeploy";
        };
    }

    /** The task once finished (polled through random live nodes), or null at the deadline. */
    JsonNode await(Tenant t, String status, Random random, long deadline) {
        while (System.currentTimeMillis() < deadline) {
            Optional<Named> node = liveNode(random);
            if (node.isPresent()) {
                Resp r = call(node.get(), "poll", () -> t.api().get(via(node.get(), status), TASK));
                if (r != null && r.status() == 200) {
                    JsonNode task = r.json();
                    String state = task.path("state").asText();
                    if (!state.equals("QUEUEING") && !state.equals("PENDING") && !state.equals("STARTED")) {
                        return task;
                    }
                }
            }
            pause(150);
        }
        return null;
    }

    interface Call {
        Resp send();
    }

    /** One request: its outcome counted; a 5xx or a connection failure recorded with its time and node. */
    Resp call(Named node, String op, Call call) {
        long at = System.currentTimeMillis();
        try {
            Resp r = call.send();
            int s = r.status();
            String code = "";
            if (s >= 400) {
                Matcher m = CODE.matcher(r.body() == null ? "" : r.body());
                code = m.find() ? " " + m.group(1) : "";
            }
            count(op, s + code);
            if (s >= 500) {
                failures.add(new Failure(at, node.name(), op, s, code.trim() + " " + abbreviate(r.body())));
            }
            return r;
        } catch (IllegalStateException e) {
            count(op, "connection failed");
            failures.add(new Failure(at, node.name(), op, -1, abbreviate(String.valueOf(e.getCause()))));
            return null;
        }
    }

    void count(String op, String outcome) {
        outcomes.computeIfAbsent(op + "|" + outcome, k -> new LongAdder()).increment();
    }

    /** Where a client sends its next request: the balancer (domain), else a random live API server. */
    Optional<Named> liveNode(Random random) {
        Optional<Named> balancer = target.balancer();
        if (balancer.isPresent()) {
            return balancer;
        }
        List<? extends Server> live = target.apiServers().stream().filter(n -> !down.contains(n)).toList();
        return live.isEmpty() ? Optional.empty() : Optional.of(live.get(random.nextInt(live.size())));
    }

    // ---------------------------------------------------------------- faults

    int injected;

    void inject(long runStart) {
        Random random = new Random(seed);
        long end = runStart + duration * 1000L;
        while (true) {
            long gap = (minGap + random.nextInt(maxGap - minGap + 1)) * 1000L;
            long at = System.currentTimeMillis() + gap;
            while (!stop && System.currentTimeMillis() < at) {
                pause(200);
            }
            if (stop || System.currentTimeMillis() >= end) {
                return;
            }
            int roll = random.nextInt(100);
            int pauseMs = 2_000 + random.nextInt(6_000);
            boolean leaderFirst = random.nextInt(100) < 70;
            int pick = random.nextInt(1000);
            if (!faultOrder.isEmpty()) {
                // the roll that draws this kind below
                roll = switch (faultOrder.get(injected++ % faultOrder.size())) {
                    case "kill" -> 0;
                    case "graceful" -> 30;
                    case "rs" -> 40;
                    case "broker" -> 60;
                    case "zk-down" -> 70;
                    case "zk-member" -> 80;
                    case "partition" -> 88;
                    case "freeze" -> 95;
                    default -> throw new IllegalArgumentException("chaos.faults: unknown kind (one of " + FAULT_KINDS + ")");
                };
            }
            try {
                if (roll < 26) {
                    Server server = target(leaderFirst, pick);
                    apiFault("kill -9 API", server, pauseMs, true);
                } else if (roll < 38) {
                    Server server = target(leaderFirst, pick);
                    apiFault("graceful restart API", server, pauseMs, false);
                } else if (roll < 54) {
                    Fault f = begin("kill -9 remote services", rs.name());
                    rs.kill();
                    pause(pauseMs);
                    target.restart(rs);
                    finish(f);
                    f.note = target.restartNote(rs);
                } else if (roll < 68 && brokerFaults) {
                    Fault f = begin("RabbitMQ restart", "broker (stop_app/start_app)");
                    Rabbitmqctl.run("rabbitmqctl", "stop_app");
                    try {
                        pause(pauseMs);
                    } finally {
                        Rabbitmqctl.run("rabbitmqctl", "start_app");
                        Rabbitmqctl.run("rabbitmqctl", "await_startup");
                    }
                    finish(f);
                } else if (roll < 78) {
                    // down for longer than the Curator session (2 s): every session expires, the leader steps down
                    Fault f = begin("ZooKeeper down (sessions expire)", "zookeeper " + target.zookeeper().getConnectString());
                    f.note = "leader before: " + leader(5_000).map(Server::name).orElse("none");
                    target.zookeeper().stop();
                    try {
                        pause(Math.max(pauseMs, 4_000));
                    } finally {
                        target.zookeeper().restart();
                    }
                    finish(f);
                } else if (roll < 88 && target.zookeeper().members() > 1) {
                    int member = pick % target.zookeeper().members();
                    Fault f = begin("ZooKeeper member down", "member " + (member + 1) + " of "
                            + target.zookeeper().members());
                    target.zookeeper().stopMember(member);
                    try {
                        pause(pauseMs);
                    } finally {
                        target.zookeeper().restartMember(member);
                    }
                    finish(f);
                } else if (roll < 95) {
                    // silence, not refusal, for longer than the session: the node's session expires on the servers
                    Server server = target(leaderFirst, pick);
                    outlastSession("partition API from ZooKeeper", server, pauseMs, () -> target.partition(server),
                            () -> target.heal(server));
                } else {
                    // a GC pause or a suspended VM longer than the session: the node stops dead mid-work, its
                    // session expires, a successor takes over (aborting what it left open on the fencing
                    // row), and once thawed it must find itself deposed and commit nothing of its epoch
                    Server server = target(leaderFirst, pick);
                    outlastSession("freeze API", server, pauseMs, server::freeze, server::thaw);
                }
            } catch (Exception | AssertionError e) {
                log("fault injection failed: %s", e);
                violation("the fault injector could restore the system", "at " + secs(System.currentTimeMillis()) + ": " + e);
                stop = true;
                return;
            }
        }
    }

    Server target(boolean leaderFirst, int pick) {
        List<? extends Server> nodes = target.apiServers();
        if (leaderFirst) {
            Optional<Server> leader = leader(10_000);
            if (leader.isPresent()) {
                return leader.get();
            }
        }
        return nodes.get(pick % nodes.size());
    }

    void apiFault(String kind, Server server, int pauseMs, boolean kill) throws Exception {
        Optional<Server> leader = leader(5_000);
        Fault f = begin(kind, server.name() + (leader.filter(l -> l == server).isPresent() ? " (leader)" : ""));
        down.add(server);
        if (kill) {
            server.kill();
        } else {
            server.stop();
        }
        pause(pauseMs);
        target.restart(server);
        down.remove(server);
        finish(f);
        String restart = target.restartNote(server);
        f.note = "leader after: " + leader(10_000).map(Server::name).orElse("none") + (restart.isEmpty() ? "" : "; " + restart);
    }

    /** {@code apply} to an API server for longer than its session (4 s at least), then {@code undo}; notes who leads after. */
    void outlastSession(String kind, Server server, int pauseMs, Runnable apply, Runnable undo) {
        Optional<Server> leader = leader(5_000);
        Fault f = begin(kind, server.name() + (leader.filter(l -> l == server).isPresent() ? " (leader)" : ""));
        apply.run();
        try {
            pause(Math.max(pauseMs, 4_000));
        } finally {
            undo.run();
        }
        finish(f);
        f.note = "leader after: " + leader(10_000).map(Server::name).orElse("none");
    }

    Fault begin(String kind, String target) {
        Fault f = new Fault(kind, target, System.currentTimeMillis());
        faults.add(f);
        log("FAULT %s: %s", kind, target);
        return f;
    }

    void finish(Fault f) {
        f.end = System.currentTimeMillis();
        log("restored after %d ms: %s %s", f.end - f.start, f.kind, f.target);
    }

    /** The live node that says it leads, when exactly one does. */
    Optional<Server> leader(long millis) {
        long end = System.currentTimeMillis() + millis;
        do {
            List<Server> leaders = target.apiServers().stream().filter(n -> !down.contains(n) && leads(n))
                    .map(n -> (Server) n).toList();
            if (leaders.size() == 1) {
                return Optional.of(leaders.get(0));
            }
            pause(100);
        } while (System.currentTimeMillis() < end);
        return Optional.empty();
    }

    static boolean leads(Server n) {
        return n.get("health").map(r -> {
            try {
                return JSON.readTree(r.body()).path("leader").asBoolean();
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    /** Samples every node's own view; two leaders in two rounds in a row is a lasting double leadership. */
    void watchLeaders() {
        List<String> previous = List.of();
        while (!Thread.currentThread().isInterrupted()) {
            List<String> leaders = target.apiServers().stream().filter(n -> n.alive() && leads(n)).map(Server::name).toList();
            if (leaders.size() > 1) {
                leaderOverlaps.add(secs(System.currentTimeMillis()) + " " + leaders + (previous.size() > 1 ? " (again)" : ""));
            }
            previous = leaders;
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- settle and check

    long settle(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            try {
                if ("0".equals(value("SELECT COUNT(*) FROM vm_task WHERE state IN ('QUEUEING', 'PENDING', 'STARTED')"))) {
                    return System.currentTimeMillis();
                }
            } catch (SQLException e) {
                // the database is not a chaos target: try again
            }
            Thread.sleep(500);
        }
        return System.currentTimeMillis();
    }

    void violation(String invariant, String detail) {
        synchronized (violations) {
            violations.computeIfAbsent(invariant, k -> new ArrayList<>()).add(detail);
        }
    }

    static final List<String> INVARIANTS = List.of("every accepted task reached a final state", "no task left open",
            "the simulated hosts run exactly what kinton places (none twice, none missing, same power state)",
            "machine usage = sum of its VMs, within capacity", "fencing: no work of epoch e after work of epoch e+1",
            "never two leaders (two samples in a row)", "no HTTP 500", "other 5xx / connection failures only where a fault explains them",
            "the fault injector could restore the system",
            "notifications of each task applied in order (none overtaken, the last one applied)");

    void check(Datacenter dc, List<JsonNode> hosts) throws Exception {
        for (String invariant : INVARIANTS) {
            violations.putIfAbsent(invariant, new ArrayList<>());
        }
        // every 202 reached a final state (kinton is the truth)
        for (Accepted a : accepted) {
            String state = value("SELECT state FROM vm_task WHERE task_id = ?", a.taskId());
            if (state == null) {
                violation(INVARIANTS.get(0), a + ": no such task in kinton");
            } else if (state.equals("QUEUEING") || state.equals("PENDING") || state.equals("STARTED")) {
                violation(INVARIANTS.get(0), a + ": " + state);
            }
        }
        for (List<String> open : rows("SELECT task_id, task_type, state, vm_id FROM vm_task WHERE state IN "
                + "('QUEUEING', 'PENDING', 'STARTED')")) {
            violation(INVARIANTS.get(1), String.join(" ", open));
        }
        // hosts vs kinton
        List<String> ips = new ArrayList<>();
        for (JsonNode machine : hosts) {
            int id = machine.path("id").asInt();
            String ip = machine.path("ip").asText();
            ips.add(ip);
            Map<String, String> kinton = new TreeMap<>();
            rows("SELECT uuid, state FROM virtual_machine WHERE machine_id = ?", id).forEach(r -> kinton.put(r.get(0), r.get(1)));
            Map<String, String> host;
            try {
                host = ClusterDeploys.onHost(rs, ip);
            } catch (AssertionError e) {
                violation(INVARIANTS.get(2), e.getMessage());
                continue;
            }
            for (Map.Entry<String, String> k : kinton.entrySet()) {
                String onHost = host.get(k.getKey());
                if (onHost == null) {
                    violation(INVARIANTS.get(2), "VM " + k.getKey() + " " + k.getValue() + " in kinton on machine " + id
                            + " (" + ip + ") is missing on that host");
                } else if (!sameState(k.getValue(), onHost)) {
                    violation(INVARIANTS.get(2), "VM " + k.getKey() + " is " + k.getValue() + " in kinton, " + onHost
                            + " on host " + ip);
                }
            }
            for (String uuid : host.keySet()) {
                if (!kinton.containsKey(uuid)) {
                    violation(INVARIANTS.get(2), "host " + ip + " runs VM " + uuid + " (" + host.get(uuid) + ") that kinton "
                            + "does not place on machine " + id + " (kinton: " + rows("SELECT state, machine_id FROM "
                            + "virtual_machine WHERE uuid = ?", uuid) + ")");
                }
            }
        }
        List<String> everywhere = ClusterDeploys.allOnHosts(rs, ips);
        Set<String> seen = new HashSet<>();
        for (String uuid : everywhere) {
            if (!seen.add(uuid)) {
                violation(INVARIANTS.get(2), "VM " + uuid + " runs on two hosts");
            }
        }
        for (List<String> r : rows("SELECT id, state, machine_id FROM virtual_machine WHERE state = 'NOT_ALLOCATED' "
                + "AND machine_id IS NOT NULL")) {
            violation(INVARIANTS.get(2), "VM " + r.get(0) + " NOT_ALLOCATED but on machine " + r.get(2));
        }
        // machines
        for (List<String> m : rows("SELECT p.id, p.cpu, p.cpu_used, p.ram_mb, p.ram_used_mb, "
                + "(SELECT COALESCE(SUM(v.cpu), 0) FROM virtual_machine v WHERE v.machine_id = p.id), "
                + "(SELECT COALESCE(SUM(v.ram), 0) FROM virtual_machine v WHERE v.machine_id = p.id) "
                + "FROM physicalmachine p WHERE p.datacenter_id = ?", dc.id())) {
            int cpu = Integer.parseInt(m.get(1));
            int cpuUsed = Integer.parseInt(m.get(2));
            int ram = Integer.parseInt(m.get(3));
            int ramUsed = Integer.parseInt(m.get(4));
            if (cpuUsed != Integer.parseInt(m.get(5)) || ramUsed != Integer.parseInt(m.get(6)) || cpuUsed > cpu
                    || ramUsed > ram) {
                violation(INVARIANTS.get(3), "machine " + m.get(0) + ": cpu " + cpuUsed + "/" + cpu + " (VMs " + m.get(5)
                        + "), ram " + ramUsed + "/" + ram + " (VMs " + m.get(6) + ")");
            }
        }
        // fencing: every message handled under epoch e was written before any of epoch e+1 (1 ms tolerance)
        List<List<String>> epochs = rows("SELECT epoch, COUNT(*), MIN(processed_at), MAX(processed_at), "
                + "UNIX_TIMESTAMP(MIN(processed_at)) * 1000, UNIX_TIMESTAMP(MAX(processed_at)) * 1000 "
                + "FROM processed_message GROUP BY epoch ORDER BY epoch");
        epochTable = epochs;
        for (int i = 1; i < epochs.size(); i++) {
            double lastOfPrevious = Double.parseDouble(epochs.get(i - 1).get(5));
            double firstOfNext = Double.parseDouble(epochs.get(i).get(4));
            if (lastOfPrevious > firstOfNext + 1) {
                violation(INVARIANTS.get(4), "epoch " + epochs.get(i - 1).get(0) + " handled a message at "
                        + epochs.get(i - 1).get(3) + ", after epoch " + epochs.get(i).get(0) + " began at "
                        + epochs.get(i).get(2) + ": " + rows("SELECT consumer, message_id, processed_at FROM processed_message "
                                + "WHERE epoch = ? AND processed_at > ? ORDER BY processed_at LIMIT 5",
                                epochs.get(i - 1).get(0), epochs.get(i).get(2)));
            }
        }
        for (String overlap : leaderOverlaps) {
            if (overlap.endsWith("(again)")) {
                violation(INVARIANTS.get(5), overlap);
            }
        }
        checkNotificationOrder();
        // 5xx and connection failures
        for (Failure f : failures) {
            if (f.status() == 500) {
                violation(INVARIANTS.get(6), describe(f));
            } else if (explain(f) == null) {
                violation(INVARIANTS.get(7), describe(f));
            }
        }
    }

    List<List<String>> epochTable = List.of();

    /**
     * The leader applies a task's notifications only in sequence order and logs any it applies
     * after a gap (one overtook another); a successful task has applied the last one of its
     * hypervisor jobs (sequence 2n: STARTED 2i+1 and DONE 2i+2 for job i).
     */
    void checkNotificationOrder() throws Exception {
        String invariant = INVARIANTS.get(9);
        for (Server n : target.apiServers()) {
            n.log().lines().filter(l -> l.contains("applied out of order")).limit(20)
                    .forEach(l -> violation(invariant, n.name() + ": " + l));
        }
        for (List<String> t : rows("SELECT task_id, last_sequence, jobs FROM vm_task WHERE state = 'FINISHED_SUCCESSFULLY'")) {
            long hypervisorJobs = 0;
            for (JsonNode job : JSON.readTree(t.get(2))) {
                // the virtual factory's job types (SCHEDULE and UPDATE_RESOURCES run on the API)
                String type = job.path("type").asText();
                if (java.util.Arrays.stream(com.abiquo.messaging.model.JobType.values()).anyMatch(j -> j.name().equals(type))) {
                    hypervisorJobs++;
                }
            }
            if (Long.parseLong(t.get(1)) != 2 * hypervisorJobs) {
                violation(invariant, "task " + t.get(0) + " finished successfully with sequence " + t.get(1) + " applied, "
                        + "expected " + 2 * hypervisorJobs + " (" + hypervisorJobs + " hypervisor jobs)");
            }
        }
    }

    static boolean sameState(String kinton, String host) {
        return switch (kinton) {
            case "ON" -> host.equals("ON");
            case "OFF" -> host.equals("OFF") || host.equals("CONFIGURED");
            case "PAUSED" -> host.equals("PAUSED");
            default -> true; // UNKNOWN (left for the monitor and an undeploy), LOCKED: not compared
        };
    }

    /**
     * The fault that explains a failed request: a connection failure or a 5xx from a node while it
     * was being killed, stopped or restarted (from 1 s before to 5 s after), a 502/503 of the
     * balancer while an API server was (a request in flight there, or sent there before the
     * balancer noticed), or a 503 while the broker or ZooKeeper was down (to 10 s after it was back).
     */
    Fault explain(Failure f) {
        for (Fault fault : faults) {
            // a node cut off from ZooKeeper still answers: a partition explains no failed request
            boolean onNode = !fault.kind.startsWith("partition")
                    && (fault.target.startsWith(f.node() + " ") || fault.target.equals(f.node()));
            if (onNode && fault.covers(f.at(), 1_000, 5_000)) {
                return fault;
            }
            if (byBalancer(f) && fault.kind.endsWith(" API") && fault.covers(f.at(), 1_000, 5_000)) {
                return fault;
            }
            boolean dataService = fault.kind.startsWith("RabbitMQ") || fault.kind.startsWith("ZooKeeper");
            if (dataService && f.status() == 503 && fault.covers(f.at(), 1_000, 10_000)) {
                return fault;
            }
        }
        return null;
    }

    /** A 502 or 503 of the balancer itself (its proxy lost or could not reach an API server). */
    boolean byBalancer(Failure f) {
        return target.balancer().map(b -> b.name().equals(f.node())).orElse(false) && (f.status() == 502 || f.status() == 503);
    }

    String describe(Failure f) {
        return secs(f.at()) + " " + f.node() + " " + f.op() + " -> " + (f.status() < 0 ? "connection failed" : f.status())
                + " " + f.detail();
    }

    // ---------------------------------------------------------------- report

    String report(long settleMs) throws Exception {
        StringBuilder b = new StringBuilder();
        int total = violations.values().stream().mapToInt(List::size).sum();
        b.append("# Chaos run, seed ").append(seed).append(total == 0 ? ": PASSED" : ": FAILED").append("\n\n");
        b.append(String.format(Locale.ROOT, "Seed %d, duration %d s (load and faults), target %s: %s, %d API nodes, 1 remote "
                + "services server (simulator latency 20 ms), %d clients x %d VMs, faults every %d-%d s%s%s; settled %d ms "
                + "after the load stopped. Replay: `CHAOS_TARGET=%s SEED=%d DURATION=%d %schaos/run.sh`.%n%n", seed, duration,
                targetKind, target.description(), apiCount, clients, vmsPerClient, minGap, maxGap,
                faultOrder.isEmpty() ? "" : " (in turn: " + String.join(",", faultOrder) + ")",
                brokerFaults ? "" : " (no broker faults)", settleMs, targetKind, seed, duration,
                (faultOrder.isEmpty() ? "" : "FAULTS=" + String.join(",", faultOrder) + " ")
                        + (brokerFaults ? "" : "BROKER_FAULTS=false ")));

        b.append("## Operations\n\n| operation | outcome | count |\n|---|---|---:|\n");
        new TreeMap<>(outcomes).forEach((k, v) -> {
            String[] parts = k.split("\\|", 2);
            b.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ").append(v.sum()).append(" |\n");
        });
        b.append(String.format(Locale.ROOT, "%n%d tasks accepted (202), %d seen ending by their client, %d not seen ending "
                + "within 150 s.%n", accepted.size(), ended.size(), stuck.size()));
        List<Long> latencies = new ArrayList<>(ended.stream().map(e -> e.endedAt() - e.acceptedAt()).toList());
        Collections.sort(latencies);
        if (!latencies.isEmpty()) {
            b.append(String.format(Locale.ROOT, "Task latency (202 to end seen by the client): p50 %d ms, p99 %d ms, max %d ms.%n",
                    latencies.get(latencies.size() / 2), latencies.get(Math.min(latencies.size() - 1,
                            (int) Math.ceil(latencies.size() * 0.99) - 1)), latencies.get(latencies.size() - 1)));
        }
        stuck.forEach(s -> b.append("- not seen ending: ").append(s).append('\n'));

        b.append("\n## Faults (timeline)\n\n| at s | fault | target | restored after ms | first new task finished after ms "
                + "| failed requests | failing for ms | note |\n|---:|---|---|---:|---:|---:|---:|---|\n");
        Map<Fault, List<Failure>> byFault = new HashMap<>();
        List<Failure> unexplained = new ArrayList<>();
        for (Failure f : failures) {
            Fault fault = explain(f);
            if (fault == null) {
                unexplained.add(f);
            } else {
                byFault.computeIfAbsent(fault, k -> new ArrayList<>()).add(f);
            }
        }
        for (Fault f : faults) {
            Optional<Ended> next = ended.stream().filter(e -> e.acceptedAt() >= f.start && e.state().equals("FINISHED_SUCCESSFULLY"))
                    .min((x, y) -> Long.compare(x.endedAt(), y.endedAt()));
            List<Failure> failed = byFault.getOrDefault(f, List.of());
            long span = failed.isEmpty() ? 0
                    : failed.stream().mapToLong(Failure::at).max().getAsLong() - failed.stream().mapToLong(Failure::at).min().getAsLong();
            b.append(String.format(Locale.ROOT, "| %.1f | %s | %s | %s | %s | %d | %d | %s |%n", (f.start - t0) / 1000.0, f.kind,
                    f.target, f.end == 0 ? "never" : String.valueOf(f.end - f.start),
                    next.map(e -> String.valueOf(e.endedAt() - f.start)).orElse("none"), failed.size(), span, f.note));
        }
        b.append("\nFailed requests (5xx or connection failures): ").append(failures.size()).append(", unexplained by a fault: ")
                .append(unexplained.size()).append('\n');
        if (target.balancer().isPresent()) {
            b.append("Of these, 502/503 answered by the balancer while an API server was killed, stopped or restarting "
                    + "(allowed, counted): ").append(failures.stream().filter(f -> byBalancer(f) && explain(f) != null).count())
                    .append('\n');
        }
        failures.stream().limit(40).forEach(f -> b.append("- ").append(describe(f)).append(explain(f) == null ? "  **unexplained**" : "")
                .append('\n'));
        if (failures.size() > 40) {
            b.append("- ... ").append(failures.size() - 40).append(" more\n");
        }

        b.append("\n## Leadership\n\nFencing epochs seen in processed_message (epoch, messages, first, last):\n\n");
        epochTable.forEach(r -> b.append("- ").append(r.get(0)).append(": ").append(r.get(1)).append(" messages, ")
                .append(r.get(2)).append(" .. ").append(r.get(3)).append('\n'));
        b.append("\nTwo nodes saying they lead in one sampling round (nodes polled one after the other every 250 ms; "
                + "a lasting overlap, in two rounds in a row, is a violation): ").append(leaderOverlaps.isEmpty() ? "none"
                        : String.join("; ", leaderOverlaps)).append('\n');

        b.append("\n## Invariants\n\n| invariant | violations |\n|---|---:|\n");
        violations.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v.size()).append(" |\n"));
        b.append("\nTotal violations: ").append(total).append('\n');
        violations.forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.append("\n### ").append(k).append("\n\n");
                v.stream().limit(30).forEach(d -> b.append("- ").append(d).append('\n'));
            }
        });
        List<String> notes = new ArrayList<>();
        for (List<String> r : rows("SELECT state, COUNT(*) FROM virtual_machine GROUP BY state ORDER BY state")) {
            notes.add(r.get(0) + ": " + r.get(1));
        }
        b.append("\nVMs at the end by state: ").append(String.join(", ", notes)).append('\n');
        b.append("Tasks in kinton by type and state: ").append(rows("SELECT task_type, state, COUNT(*) FROM vm_task "
                + "GROUP BY task_type, state ORDER BY task_type, state")).append('\n');

        if (total > 0 || !stuck.isEmpty()) {
            b.append("\n## Relevant log lines\n");
            Set<String> ids = new HashSet<>();
            violations.values().forEach(v -> v.forEach(d -> {
                Matcher m = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(d);
                while (m.find()) {
                    ids.add(m.group());
                }
            }));
            stuck.forEach(s -> ids.add(s.split(" ")[0]));
            List<Server> servers = new ArrayList<>(target.apiServers());
            servers.add(rs);
            for (Server n : servers) {
                List<String> lines = n.log().lines().filter(l -> l.contains(" ERROR ") || ids.stream().anyMatch(l::contains))
                        .toList();
                b.append("\n").append(n.name()).append(" (").append(n.logFile()).append("), ")
                        .append(lines.size()).append(" ERROR or matching lines, the first 40:\n\n```\n");
                lines.stream().limit(40).forEach(l -> b.append(abbreviate(l, 400)).append('\n'));
                b.append("```\n");
            }
        }
        return b.toString();
    }

    String secs(long at) {
        return String.format(Locale.ROOT, "%.1fs", (at - t0) / 1000.0);
    }

    static String abbreviate(String s) {
        return abbreviate(s == null ? "" : s.replace('\n', ' '), 200);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    static Thread start(String name, boolean daemon, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(daemon);
        t.start();
        return t;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
