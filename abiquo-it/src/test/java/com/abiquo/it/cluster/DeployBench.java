package com.abiquo.it.cluster;

import static com.abiquo.it.cluster.ClusterDeploys.rows;
import static com.abiquo.it.cluster.ClusterDeploys.value;
import static com.abiquo.it.cluster.LocalCluster.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.abiquo.it.cluster.ClusterDeploys.Datacenter;
import com.abiquo.it.cluster.ClusterDeploys.Tenant;
import com.abiquo.it.cluster.LocalCluster.Node;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Benchmark, not a test (run by bench/deploy.sh, never by the test command): deploys end to end on
 * real servers with the simulated hypervisor of one remote services server (instant, or
 * {@code bench.latencyMs} per operation),
 * first through one API node, then through two (the second started for it). Each round: a warm-up,
 * then {@code bench.deploys} deploys posted by {@code bench.clients} client threads as fast as the
 * API accepts them (the VMs were created before). Measured from kinton: VMs deployed per second
 * (first task created to last task finished) and each task's latency from its creation (the 202)
 * to FINISHED. Prints a table.
 */
class DeployBench {

    static final String DATACENTER = "bench-dc-" + ClusterDeploys.SCHEMA;

    @Test
    void deploysPerSecond() throws Exception {
        int deploys = Integer.getInteger("bench.deploys", 200);
        int clients = Integer.getInteger("bench.clients", 8);
        int warmup = Integer.getInteger("bench.warmup", 2400);
        int tenants = Integer.getInteger("bench.tenants", 1);
        int latencyMs = Integer.getInteger("bench.latencyMs", 0);
        List<String> table = new ArrayList<>();
        try (LocalCluster cluster = new LocalCluster("deploybench")) {
            Node rs = cluster.startRemoteServices(DATACENTER,
                    Map.of("abiquo.rs.simulator.latencyMs", Integer.toString(latencyMs)));
            cluster.start(1);
            table.add(round(cluster, rs, 1, deploys, clients, warmup, tenants, latencyMs));
            cluster.start(1);
            table.add(round(cluster, rs, 2, deploys, clients, warmup, tenants, latencyMs));
        }
        System.out.println();
        System.out.println("| API nodes | hypervisor ms/op | deploys | clients | tenants | succeeded | VMs deployed/s | p50 ms | p99 ms | max ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        table.forEach(System.out::println);
    }

    /** A VM to deploy and the tenant that deploys it. */
    private record Owned(Tenant tenant, JsonNode vm) {
    }

    private static String round(LocalCluster cluster, Node rs, int nodes, int deploys, int clients, int warmup,
            int tenantCount, int latencyMs) throws Exception {
        List<Node> api = cluster.nodes().subList(0, nodes);
        Datacenter dc = ClusterDeploys.datacenter(api.get(0), rs, DATACENTER);
        int cpusNeeded = deploys + warmup;
        for (int i = 0; i < 4; i++) {
            dc.machine(cpusNeeded / 4 + 1, 1 << 20);
        }
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < tenantCount; i++) {
            tenants.add(dc.tenant());
        }
        List<Owned> measured = vms(tenants, "m", deploys);
        warmUp(dc, api, clients, warmup);
        System.out.printf(Locale.ROOT, "[bench] %d API node(s): %d deploys from %d clients, %d tenant(s)%n", nodes,
                deploys, clients, tenantCount);
        run(api, measured, clients);

        String ids = ids(measured);
        List<List<String>> r = rows("SELECT state, TIMESTAMPDIFF(MICROSECOND, created_at, updated_at) DIV 1000, "
                + "UNIX_TIMESTAMP(created_at) * 1000, UNIX_TIMESTAMP(updated_at) * 1000 FROM vm_task WHERE vm_id IN ("
                + ids + ")");
        List<Long> latencies = new ArrayList<>();
        double first = Double.MAX_VALUE;
        double last = 0;
        int ok = 0;
        for (List<String> row : r) {
            ok += row.get(0).equals("FINISHED_SUCCESSFULLY") ? 1 : 0;
            latencies.add(Long.parseLong(row.get(1)));
            first = Math.min(first, Double.parseDouble(row.get(2)));
            last = Math.max(last, Double.parseDouble(row.get(3)));
        }
        Collections.sort(latencies);
        double seconds = (last - first) / 1000.0;
        String line = String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %.1f | %d | %d | %d |", nodes,
                latencyMs, deploys, clients, tenantCount, ok,
                ok / seconds, percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));
        System.out.println("[bench] " + line);
        return line;
    }

    /**
     * Deploys in batches on tenants of their own until the API nodes' JIT compiler threads take less
     * than {@link #JIT_QUIET_PERCENT} % of their CPU, at most {@code max}: a node measured while C2
     * still compiles (~0.5 core of a round after 100 deploys, JFR) gives a figure of the JIT.
     */
    private static void warmUp(Datacenter dc, List<Node> api, int clients, int max) throws Exception {
        int done = 0;
        Tenant tenant = null;
        while (done < max) {
            if (done % WARM_PER_TENANT == 0) {
                tenant = dc.tenant(); // a tenant's network holds 1022 addresses
            }
            List<Long> pids = api.stream().map(n -> n.jvm().orElseThrow().pid()).toList();
            JvmCpu before = JvmCpu.of(pids);
            run(api, vms(List.of(tenant), "w" + done, WARM_BATCH), clients);
            done += WARM_BATCH;
            int jit = JvmCpu.of(pids).jitPercentSince(before);
            System.out.printf(Locale.ROOT, "[bench] %d API node(s): warm-up, %d deploys: JIT compiler threads %d%% of their CPU%n",
                    api.size(), done, jit);
            if (jit < JIT_QUIET_PERCENT) {
                return;
            }
        }
        System.out.printf(Locale.ROOT, "[bench] NOTE: the JIT still compiles after %d warm-up deploys; measuring anyway%n", done);
    }

    private static final int WARM_BATCH = 200;
    private static final int WARM_PER_TENANT = 800;
    private static final int JIT_QUIET_PERCENT = 5;

    /** CPU time of JVMs and of their JIT compiler threads, in clock ticks, from /proc (Linux). */
    private record JvmCpu(long total, long jit) {

        /** The process's own stat counts the threads that ended too (a sum over live threads would not). */
        static JvmCpu of(List<Long> pids) throws IOException {
            long total = 0;
            long jit = 0;
            for (long pid : pids) {
                Path proc = Path.of("/proc", Long.toString(pid));
                total += ticks(proc.resolve("stat"));
                try (var tasks = Files.list(proc.resolve("task"))) {
                    for (var task : (Iterable<Path>) tasks::iterator) {
                        String name = read(task.resolve("comm")).orElse("");
                        jit += name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? ticks(task.resolve("stat")) : 0;
                    }
                }
            }
            return new JvmCpu(total, jit);
        }

        int jitPercentSince(JvmCpu before) {
            long t = total - before.total;
            return t > 0 ? (int) (100 * (jit - before.jit) / t) : 0;
        }

        /** utime + stime: the 14th and 15th fields, counted after the ")" that ends the name; 0 once gone. */
        private static long ticks(Path stat) {
            return read(stat).map(s -> s.substring(s.lastIndexOf(')') + 2).split(" "))
                    .map(f -> Long.parseLong(f[11]) + Long.parseLong(f[12])).orElse(0L);
        }

        /** Empty for a thread that ended meanwhile. */
        private static Optional<String> read(Path file) {
            try {
                return Optional.of(Files.readString(file).trim());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /** {@code n} VMs, spread round robin over the tenants. */
    private static List<Owned> vms(List<Tenant> tenants, String prefix, int n) {
        List<Owned> vms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Tenant t = tenants.get(i % tenants.size());
            vms.add(new Owned(t, t.vm(prefix + "-" + i, 1, 256)));
        }
        return vms;
    }

    private static String ids(List<Owned> vms) {
        StringBuilder ids = new StringBuilder();
        for (Owned o : vms) {
            ids.append(ids.isEmpty() ? "" : ",").append(o.vm().path("id").asInt());
        }
        return ids.toString();
    }

    /** Posts every VM's deploy (round robin over the nodes) from {@code clients} threads; waits until all are finished. */
    private static void run(List<Node> api, List<Owned> vms, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < vms.size();) {
                    Owned o = vms.get(i);
                    o.tenant().deploy(api.get(i % api.size()), o.vm());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        String ids = ids(vms);
        waitFor(() -> {
            try {
                return "0".equals(value("SELECT COUNT(*) FROM vm_task WHERE vm_id IN (" + ids
                        + ") AND state IN ('QUEUEING', 'PENDING', 'STARTED')"));
            } catch (SQLException e) {
                return false;
            }
        }, 300_000, "every deploy to finish");
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
