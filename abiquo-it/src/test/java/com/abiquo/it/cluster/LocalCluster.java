package com.abiquo.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.abiquo.it.ResetDatabase;

/**
 * Several real API nodes for tests: separate WildFly JVMs (standalone servers with their own base
 * dirs and port offsets, the built abiquo.ear in each) sharing one MariaDB schema and a real
 * ZooKeeper (one server or an ensemble) in the test JVM. Nodes can be killed (-9), stopped
 * gracefully, frozen and thawed, and, in a partitionable cluster, cut off from ZooKeeper.
 */
public final class LocalCluster implements AutoCloseable {

    public static final String LEADER_LINE = "Current API is the /api/leader-election leader";

    private final Path home = Path.of(System.getProperty("jboss.home"));
    private final Path work;
    private final int baseOffset = Integer.getInteger("it.cluster.port.offset", 600);
    private final String schema = System.getProperty("it.cluster.db.name", "kinton_it_cluster");
    private final ZooKeeperEnsemble zookeeper;
    /** Each API node reaches ZooKeeper through links of its own that a test can cut. */
    private final boolean partitionable;
    private final Path properties;
    private final List<Node> nodes = new ArrayList<>();
    /** Servers that are not API nodes (e.g. the remote services): never in {@link #nodes()}. */
    private final List<Node> others = new ArrayList<>();

    /** A cluster whose files (server base dirs, logs, ZooKeeper data) live under it.work.dir/{@code name}. */
    public LocalCluster(String name) throws Exception {
        this(name, 1, false);
    }

    /** With {@code zookeeperMembers} ZooKeeper members; {@code partitionable}: see {@link #partition}. */
    public LocalCluster(String name, int zookeeperMembers, boolean partitionable) throws Exception {
        this.partitionable = partitionable;
        work = Path.of(System.getProperty("it.work.dir")).resolve(name);
        ResetDatabase.reset("jdbc:mariadb://127.0.0.1:3306/", schema);
        ResetDatabase.resetVirtualHost(schema);
        AbiquoCommand.deleteTree(work);
        Files.createDirectories(work);
        zookeeper = new ZooKeeperEnsemble(work.resolve("zookeeper"), zookeeperMembers);
        properties = work.resolve("abiquo.properties");
        String base = Files.readString(Path.of(System.getProperty("it.properties")));
        Files.writeString(properties, base + "\nabiquo.database.url = jdbc:mariadb://127.0.0.1:3306/" + schema
                + "\nabiquo.rabbitmq.virtualHost = " + schema
                + "\nabiquo.api.zk.serverConnection = " + zookeeper.getConnectString()
                + "\nabiquo.api.zk.sessionTimeoutMs = 2000\nabiquo.api.zk.connectionTimeoutMs = 1000\n");
    }

    public String zookeeperConnection() {
        return zookeeper.getConnectString();
    }

    public ZooKeeperEnsemble zookeeper() {
        return zookeeper;
    }

    /** One server of the cluster: an API node (abiquo.ear), or another server with its own deployments. */
    public final class Node implements ChaosTarget.Server {
        public final String name;
        public final int offset;
        final Path baseDir;
        final List<Path> deployments;
        final Path nodeProperties;
        final List<PartitionableLink> links;
        Process launcher;

        Node(String name, int offset, List<PartitionableLink> links) throws IOException {
            this(name, offset, List.of(Path.of(System.getProperty("abiquo.ear"))), links.isEmpty() ? properties
                    : ownProperties(name, Map.of("abiquo.api.zk.serverConnection", links.stream()
                            .map(l -> "127.0.0.1:" + l.port()).collect(java.util.stream.Collectors.joining(",")))),
                    links);
        }

        Node(String name, int offset, List<Path> deployments, Path nodeProperties, List<PartitionableLink> links) {
            this.name = name;
            this.offset = offset;
            this.baseDir = work.resolve(name);
            this.deployments = deployments;
            this.nodeProperties = nodeProperties;
            this.links = links;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Path logFile() {
            return baseDir.resolve("log/server.log");
        }

        /** http://127.0.0.1:(8080 + offset) */
        @Override
        public String root() {
            return "http://127.0.0.1:" + (8080 + offset);
        }


        void start() throws IOException {
            if (!Files.exists(baseDir)) {
                copyTree(home.resolve("standalone"), baseDir);
                for (String transient_ : List.of("log", "data", "tmp")) {
                    AbiquoCommand.deleteTree(baseDir.resolve(transient_));
                }
                try (Stream<Path> s = Files.list(baseDir.resolve("deployments"))) {
                    for (Path p : s.toList()) {
                        Files.delete(p);
                    }
                }
                for (Path deployment : deployments) {
                    Files.copy(deployment, baseDir.resolve("deployments").resolve(deployment.getFileName()));
                }
            }
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", "standalone.xml",
                    "-b", "127.0.0.1", "-bmanagement", "127.0.0.1", "-Djboss.server.base.dir=" + baseDir,
                    "-Djboss.socket.binding.port-offset=" + offset, "-Djboss.node.name=" + name,
                    "-Djboss.tx.node.id=" + name, "-Dabiquo.properties=" + nodeProperties, "-P=" + nodeProperties);
            pb.environment().put("JBOSS_HOME", home.toString());
            pb.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
            pb.redirectErrorStream(true).redirectOutput(work.resolve(name + "-console.log").toFile());
            launcher = pb.start();
        }

        @Override
        public Optional<ProcessHandle> jvm() {
            return launcher == null ? Optional.empty()
                    : launcher.toHandle().descendants().filter(p -> p.info().commandLine().orElse("").contains("jboss-modules"))
                            .findFirst();
        }

        public boolean healthy() {
            return get("health").map(r -> r.statusCode() == 200).orElse(false);
        }

        @Override
        public String log() {
            try {
                Path log = baseDir.resolve("log/server.log");
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** kill -9 of the server JVM: no shutdown hook, no graceful release. */
        @Override
        public void kill() {
            jvm().ifPresent(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            waitFor(() -> jvm().isEmpty() && !launcher.isAlive(), 30_000, name + " to die");
        }

        /** SIGTERM: WildFly's graceful shutdown undeploys, which leaves the election. */
        @Override
        public void stop() {
            jvm().ifPresent(ProcessHandle::destroy);
            waitFor(() -> jvm().isEmpty(), 60_000, name + " to stop");
            launcher.destroy();
        }

        @Override
        public boolean alive() {
            return jvm().isPresent();
        }
    }


    /** Starts n more nodes together and waits until each answers its health check. */
    public List<Node> start(int n) throws IOException {
        List<Node> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "api-" + (nodes.size() + 1);
            List<PartitionableLink> links = new ArrayList<>();
            if (partitionable) {
                for (int port : zookeeper.ports()) {
                    links.add(new PartitionableLink(name + "-zk-" + port, port));
                }
            }
            Node node = new Node(name, baseOffset + 100 * (nodes.size() + others.size()), links);
            nodes.add(node);
            node.start();
            started.add(node);
        }
        for (Node node : started) {
            waitFor(node::healthy, 240_000, node.name + " to be healthy");
        }
        return started;
    }

    /**
     * Starts a server that is not an API node (not in {@link #nodes()}): only {@code deployments}
     * in its deployments dir, the cluster's abiquo.properties plus {@code extraProperties}, the next
     * free port offset; waits until {@code readyPath} (e.g. /abiquo-rs/check) answers 200.
     */
    public Node startServer(String name, List<Path> deployments, Map<String, String> extraProperties, String readyPath)
            throws IOException {
        Node node = new Node(name, baseOffset + 100 * (nodes.size() + others.size()), deployments,
                ownProperties(name, extraProperties), List.of());
        others.add(node);
        node.start();
        waitFor(() -> Endpoint.Http.status(node.root() + readyPath) == 200, 240_000, name + " to answer " + readyPath);
        return node;
    }

    /** The cluster's abiquo.properties with {@code overrides} (the last value of a key wins), for one server. */
    private Path ownProperties(String name, Map<String, String> overrides) throws IOException {
        Path own = work.resolve(name + ".properties");
        StringBuilder text = new StringBuilder(Files.readString(properties)).append('\n');
        overrides.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(own, text);
        return own;
    }

    /**
     * Cuts {@code node} off from every ZooKeeper member (a partitionable cluster only): its session
     * expires on the servers while the node itself only sees silence, as in a network partition.
     */
    public void partition(Node node) {
        requireLinks(node).forEach(PartitionableLink::cut);
    }

    public void heal(Node node) {
        requireLinks(node).forEach(PartitionableLink::heal);
    }

    private List<PartitionableLink> requireLinks(Node node) {
        if (node.links.isEmpty()) {
            throw new IllegalStateException(node.name + " has no partitionable links (cluster not partitionable)");
        }
        return node.links;
    }

    /** The remote services (abiquo-rs.war alone) of datacenter {@code datacenterId}, on a server of their own. */
    public Node startRemoteServices(String datacenterId, Map<String, String> extraProperties) throws IOException {
        Map<String, String> props = new java.util.LinkedHashMap<>(extraProperties);
        props.put("abiquo.datacenter.id", datacenterId);
        return startServer("rs", List.of(Path.of(System.getProperty("abiquo.rs.war"))), props, "/abiquo-rs/check");
    }

    /** Starts again a server that is not an API node (e.g. the remote services) and waits for {@code readyPath}. */
    public void restartServer(Node node, String readyPath) throws IOException {
        node.start();
        waitFor(() -> Endpoint.Http.status(node.root() + readyPath) == 200, 240_000, node.name + " to answer " + readyPath);
    }

    public void restart(Node node) throws IOException {
        node.start();
        waitFor(node::healthy, 240_000, node.name + " to be healthy again");
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Node> alive() {
        return nodes.stream().filter(Node::alive).toList();
    }

    public static void waitFor(BooleanSupplier condition, long millis, String what) {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("Timed out after " + millis + " ms waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Node n : java.util.stream.Stream.concat(nodes.stream(), others.stream()).toList()) {
            n.jvm().ifPresent(ProcessHandle::destroyForcibly);
            if (n.launcher != null) {
                n.launcher.destroyForcibly();
            }
            n.links.forEach(PartitionableLink::close);
        }
        zookeeper.close();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
