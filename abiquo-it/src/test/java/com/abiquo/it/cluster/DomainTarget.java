package com.abiquo.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.abiquo.it.Api;
import com.abiquo.it.ResetDatabase;

/**
 * The chaos run on the local domain as operators start it: {@code ./abiquo up} with its own state
 * directory ({@code chaos.domain.state}, default it.work.dir/chaos-domain) and ports
 * ({@code chaos.domain.portOffset}, default 3000: balancer 8080+offset, management 9990+offset,
 * api-N +100*N, the remote services +1000), schema and RabbitMQ virtual host
 * {@code it.cluster.db.name}. The test JVM keeps the ZooKeeper ensemble and one
 * {@link PartitionableLink} per API server and member: {@code ./abiquo up} runs with
 * {@code ABIQUO_ZOOKEEPER=external} (no ZooKeeper of its own; abiquo.properties names the
 * ensemble) and {@code ABIQUO_TEST_API_ZK_CONNECTIONS}, which configure-domain.sh turns into a
 * server-level system property {@code abiquo.api.zk.serverConnection} of each API server (its
 * links: test only). Clients send every request through the balancer. Faults go through the
 * domain controller as an operator's would: kill -9 of a server's JVM (found by its
 * {@code -D[Server:name]} and the domain's base dir, as ./abiquo does), then
 * {@code /host=primary/server-config=NAME:start} (the host controller does not restart a crashed
 * server by itself: the status it reports after the kill goes into the fault's note); a graceful
 * restart is {@code :stop(blocking=true, suspend-timeout=10)} then {@code :start}. Stopped by
 * {@code ./abiquo down}.
 */
final class DomainTarget implements ChaosTarget {

    interface Log {
        void log(String format, Object... args);
    }

    private static final Pattern RESULT = Pattern.compile("\"result\" => \"([A-Z_]+)\"");

    private final Path root = AbiquoCommand.repositoryRoot();
    private final Path wildfly = Path.of(System.getProperty("jboss.home"));
    private final int offset = Integer.getInteger("chaos.domain.portOffset", 3000);
    private final Path state = Path.of(System.getProperty("chaos.domain.state",
            Path.of(System.getProperty("it.work.dir")).resolve("chaos-domain").toString()));
    private final Path domain = state.resolve("domain");
    /** ./abiquo with the run's state, ports and ZooKeeper (the test's ensemble). */
    private final AbiquoCommand command = new AbiquoCommand(root, state, offset, Map.of("ABIQUO_ZOOKEEPER", "external"));
    private final String schema = ClusterDeploys.SCHEMA;
    private final int zookeeperMembers;
    private final Log log;
    private final List<DomainServer> apis = new ArrayList<>();
    private final Map<String, List<PartitionableLink>> links = new ConcurrentHashMap<>();
    private final Map<String, String> restartNotes = new ConcurrentHashMap<>();
    private final Named balancer;
    private ZooKeeperEnsemble zookeeper;
    private DomainServer rs;
    private Thread downOnExit;
    private boolean started;

    DomainTarget(int zookeeperMembers, Log log) {
        this.zookeeperMembers = zookeeperMembers;
        this.log = log;
        String lb = "http://127.0.0.1:" + (8080 + offset);
        balancer = new Named() {
            @Override
            public String name() {
                return "balancer";
            }

            @Override
            public String root() {
                return lb;
            }
        };
    }

    @Override
    public void start(int apiServers, String datacenter, Map<String, String> remoteServicesProperties) throws Exception {
        ResetDatabase.reset("jdbc:mariadb://127.0.0.1:3306/", schema);
        ResetDatabase.resetVirtualHost(schema);
        if (Files.exists(state.resolve("pids"))) {
            command.run(180, "down"); // a domain left over by an interrupted run
        }
        AbiquoCommand.deleteTree(state);
        Files.createDirectories(state);
        zookeeper = new ZooKeeperEnsemble(state.resolve("zookeeper-ensemble"), zookeeperMembers);
        List<String> perServer = new ArrayList<>();
        for (int n = 1; n <= apiServers; n++) {
            String name = "api-" + n;
            List<PartitionableLink> own = new ArrayList<>();
            for (int port : zookeeper.ports()) {
                own.add(new PartitionableLink(name + "-zk-" + port, port));
            }
            links.put(name, own);
            perServer.add(name + "=" + own.stream().map(l -> "127.0.0.1:" + l.port()).collect(Collectors.joining(",")));
            apis.add(new DomainServer(name, "http://127.0.0.1:" + (8080 + offset + 100 * n), "/api/health"));
        }
        rs = new DomainServer("rs-1", "http://127.0.0.1:" + (9080 + offset), "/abiquo-rs/check");
        // the test's abiquo.properties (as the standalone run's: recovery acts quickly), own schema and
        // virtual host, the ensemble (each API server overrides it with its links), this datacenter
        StringBuilder config = new StringBuilder(Files.readString(Path.of(System.getProperty("it.properties"))))
                .append("\nabiquo.database.url = jdbc:mariadb://127.0.0.1:3306/").append(schema)
                .append("\nabiquo.rabbitmq.virtualHost = ").append(schema)
                .append("\nabiquo.server.admin.initialPassword = ").append(Api.ADMIN_PASSWORD)
                .append("\nabiquo.datacenter.id = ").append(datacenter)
                .append("\nabiquo.api.zk.serverConnection = ").append(zookeeper.getConnectString())
                .append("\nabiquo.api.zk.sessionTimeoutMs = 2000\nabiquo.api.zk.connectionTimeoutMs = 1000\n");
        remoteServicesProperties.forEach((k, v) -> config.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(state.resolve("abiquo.properties"), config);
        downOnExit = new Thread(this::downQuietly, "chaos-domain-down");
        Runtime.getRuntime().addShutdownHook(downOnExit);
        started = true;
        long t = System.currentTimeMillis();
        log.log("./abiquo up: the domain in %s (ports +%d, balancer %s; log %s)", state, offset, balancer.root(),
                state.resolve("up.log"));
        int rc = command.run(1200, Map.of("ABIQUO_API_SERVERS", Integer.toString(apiServers), "ABIQUO_TEST_API_ZK_CONNECTIONS",
                String.join(" ", perServer)), "up");
        if (rc != 0) {
            throw new AssertionError("./abiquo up failed (exit " + rc + "): " + tail(state.resolve("up.log"), 15));
        }
        log.log("the domain is up after %d s", (System.currentTimeMillis() - t) / 1000);
        for (DomainServer api : apis) {
            // the server-level system property is on the server's command line (boot-time)
            String line = api.jvm().flatMap(h -> h.info().commandLine()).orElse("");
            String expected = "-Dabiquo.api.zk.serverConnection=127.0.0.1:" + links.get(api.name).get(0).port();
            if (!line.contains(expected)) {
                throw new AssertionError(api.name + " does not reach ZooKeeper through its links (no " + expected
                        + " on its command line: " + line + ")");
            }
        }
    }

    @Override
    public List<DomainServer> apiServers() {
        return apis;
    }

    @Override
    public Server remoteServices() {
        return rs;
    }

    @Override
    public void restart(Server server) throws Exception {
        DomainServer s = (DomainServer) server;
        long deadline = System.currentTimeMillis() + 300_000;
        String seen = null;
        boolean startedByUs = false;
        while (true) {
            String status = status(s.name);
            if (seen == null) {
                seen = status;
            }
            if (s.alive() && (status.equals("STARTED") || status.equals("STARTING"))) {
                break;
            }
            if (status.equals("STOPPED") || status.equals("FAILED") || status.equals("DISABLED")) {
                cli("/host=primary/server-config=" + s.name + ":start(blocking=true)", 300, false);
                startedByUs = true;
            } else if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(s.name + " did not start again: status " + status);
            } else {
                Thread.sleep(500);
            }
        }
        restartNotes.put(s.name, "domain controller said " + seen + (startedByUs ? ", started by :start" : ", restarting by itself"));
        LocalCluster.waitFor(s::ready, Math.max(10_000, deadline - System.currentTimeMillis()), s.name + " to answer " + s.readyPath);
    }

    @Override
    public String restartNote(Server server) {
        String note = restartNotes.remove(server.name());
        return note == null ? "" : note;
    }

    @Override
    public ZooKeeperEnsemble zookeeper() {
        return zookeeper;
    }

    @Override
    public void partition(Server server) {
        links.get(server.name()).forEach(PartitionableLink::cut);
    }

    @Override
    public void heal(Server server) {
        links.get(server.name()).forEach(PartitionableLink::heal);
    }

    @Override
    public Optional<Named> balancer() {
        return Optional.of(balancer);
    }

    @Override
    public String description() {
        return "the local domain of ./abiquo up (balancer " + balancer.root() + ", API servers "
                + apis.stream().map(a -> a.name).collect(Collectors.joining(", ")) + " of group api, " + rs.name
                + " of group rs-*, state " + state + "), " + zookeeperMembers + " ZooKeeper members in the test JVM, "
                + "clients through the balancer";
    }

    @Override
    public void close() throws Exception {
        if (started) {
            downQuietly();
            if (downOnExit != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(downOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
            }
        }
        links.values().forEach(l -> l.forEach(PartitionableLink::close));
        if (zookeeper != null) {
            zookeeper.close();
        }
    }

    private synchronized void downQuietly() {
        if (!started) {
            return;
        }
        started = false;
        try {
            command.run(180, "down");
        } catch (Exception e) {
            System.err.println("[chaos] ./abiquo down failed: " + e);
        }
    }

    /** The server's status as the domain controller has it (STARTED, STARTING, STOPPED, FAILED, ...). */
    String status(String server) throws IOException, InterruptedException {
        String out = cli("/host=primary/server-config=" + server + ":read-attribute(name=status)", 120, true);
        Matcher m = RESULT.matcher(out);
        if (!m.find()) {
            throw new AssertionError("status of " + server + ": " + out);
        }
        return m.group(1);
    }

    /** jboss-cli against the domain controller; its output. */
    String cli(String command, int seconds, boolean mustSucceed) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(wildfly.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + (9990 + offset), "--command=" + command).redirectErrorStream(true);
        pb.environment().put("JBOSS_HOME", wildfly.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jboss-cli " + command + " did not end in " + seconds + " s");
        }
        if (mustSucceed && p.exitValue() != 0) {
            throw new AssertionError("jboss-cli " + command + " failed: " + out);
        }
        return out;
    }

    /** A server of the domain: its JVM (found as ./abiquo's server_pid does), its own HTTP port and log. */
    final class DomainServer implements Server {
        final String name;
        final String root;
        final String readyPath;
        private volatile ProcessHandle jvm;
        private volatile long lastScan;

        DomainServer(String name, String root, String readyPath) {
            this.name = name;
            this.root = root;
            this.readyPath = readyPath;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String root() {
            return root;
        }

        @Override
        public Optional<ProcessHandle> jvm() {
            ProcessHandle h = jvm;
            if (h != null && h.isAlive()) {
                return Optional.of(h);
            }
            long now = System.currentTimeMillis();
            if (now - lastScan < 500) {
                return Optional.empty();
            }
            lastScan = now;
            String tag = "-D[Server:" + name + "]";
            String base = "-Djboss.domain.base.dir=" + domain;
            jvm = ProcessHandle.allProcesses().filter(p -> {
                String line = p.info().commandLine().orElse("");
                return line.contains(tag) && (line.contains(base + " ") || line.endsWith(base));
            }).findFirst().orElse(null);
            return Optional.ofNullable(jvm);
        }

        @Override
        public boolean alive() {
            return jvm().isPresent();
        }

        @Override
        public void kill() {
            lastScan = 0;
            ProcessHandle h = jvm().orElseThrow(() -> new AssertionError(name + " has no JVM to kill"));
            h.destroyForcibly();
            LocalCluster.waitFor(() -> !h.isAlive(), 30_000, name + " to die");
        }

        @Override
        public void stop() {
            try {
                cli("/host=primary/server-config=" + name + ":stop(blocking=true, suspend-timeout=10)", 120, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted stopping " + name);
            }
            lastScan = 0;
            LocalCluster.waitFor(() -> jvm().isEmpty(), 60_000, name + " to stop");
        }

        boolean ready() {
            return Endpoint.Http.status(root + readyPath) == 200;
        }

        @Override
        public Path logFile() {
            return domain.resolve("servers").resolve(name).resolve("log/server.log");
        }

        @Override
        public String log() {
            try {
                return Files.exists(logFile()) ? Files.readString(logFile()) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

}
