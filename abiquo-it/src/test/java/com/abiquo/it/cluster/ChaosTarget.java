package com.abiquo.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ChaosRun} runs against, so that one fault logic drives both: standalone WildFly JVMs
 * ({@link StandaloneTarget}, a {@link LocalCluster}) or the local domain that {@code ./abiquo up}
 * starts ({@link DomainTarget}: balancer, API servers of group {@code api}, remote services). In
 * both, the test JVM holds the ZooKeeper ensemble and each API server reaches it through links of
 * its own that the run can cut.
 */
interface ChaosTarget extends AutoCloseable {

    /** Something clients send requests to, named in the report (an API server, or the balancer). */
    interface Named extends Endpoint {
        String name();
    }

    /** A server the run kills, stops and starts again: an API server or the remote services. */
    interface Server extends Named {

        /** Its JVM runs. */
        boolean alive();

        /** kill -9 of its JVM; returns once it is gone. */
        void kill();

        /** A graceful stop (suspend, undeploy: the election is left first); returns once it is down. */
        void stop();

        /** Its JVM, while it runs. */
        Optional<ProcessHandle> jvm();

        /**
         * SIGSTOP of its JVM: it stops dead, as in a long GC pause or a suspended VM, with its
         * sockets, ZooKeeper session and database transactions open as they were.
         */
        default void freeze() {
            signal("STOP");
        }

        /** SIGCONT: a frozen JVM goes on where it stopped. */
        default void thaw() {
            signal("CONT");
        }

        private void signal(String signal) {
            long pid = jvm().orElseThrow(() -> new AssertionError(name() + " has no JVM to signal")).pid();
            try {
                int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
                if (exit != 0) {
                    throw new AssertionError("kill -" + signal + " " + pid + " (" + name() + ") exited " + exit);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted signalling " + name());
            }
        }

        /** Its server.log, whole. */
        String log();

        Path logFile();
    }

    /** Starts ZooKeeper, {@code apiServers} API servers and the remote services of {@code datacenter}. */
    void start(int apiServers, String datacenter, Map<String, String> remoteServicesProperties) throws Exception;

    List<? extends Server> apiServers();

    Server remoteServices();

    /** Starts {@code server} again (after {@link Server#kill()} or {@link Server#stop()}) and waits until it answers. */
    void restart(Server server) throws Exception;

    ZooKeeperEnsemble zookeeper();

    /** Cuts {@code server} off from every ZooKeeper member (silence, not refusal). */
    void partition(Server server);

    void heal(Server server);

    /** Where the clients send every request, when it is one endpoint (the balancer); empty: a random live API server. */
    Optional<Named> balancer();

    /** One line for the report: what runs where. */
    String description();

    /** Something to say about a restart (e.g. what the domain controller reported), for the fault timeline; "" if none. */
    default String restartNote(Server server) {
        return "";
    }

    @Override
    void close() throws Exception;
}
