package com.abiquo.it.cluster;

import static com.abiquo.it.cluster.LocalCluster.waitFor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.abiquo.it.Api;
import com.abiquo.it.cluster.LocalCluster.Node;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Benchmark, not a test (run by bench/failover.sh, never by the test command): on two real API
 * servers, the time from kill -9 (and from a graceful stop) of the leader to the first message
 * handled by the new leader, over {@code bench.runs} runs, with probes flowing all along; then
 * checks that no probe was lost or handled twice. Prints min / median / max.
 */
class FailoverBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void failoverAndHandover() throws Exception {
        int runs = Integer.getInteger("bench.runs", 10);
        try (LocalCluster cluster = new LocalCluster("bench")) {
            cluster.start(2);
            List<Long> kill = measure(cluster, runs, true);
            List<Long> graceful = measure(cluster, runs, false);
            long[] totals = totals();
            System.out.println();
            System.out.println("| failover (2 API servers, ZooKeeper tick 500 ms, session 2000 ms) | runs | min ms | median ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            System.out.println(row("kill -9 of the leader -> first message handled by the new leader", kill));
            System.out.println(row("graceful stop of the leader -> first message handled by the new leader", graceful));
            System.out.printf(Locale.ROOT, "probes published %d, handled %d, lost %d, handled twice %d%n", PUBLISHED.get(),
                    totals[0], PUBLISHED.get() - totals[0], totals[1]);
        }
    }

    static final AtomicInteger PUBLISHED = new AtomicInteger();

    private static List<Long> measure(LocalCluster cluster, int runs, boolean kill) throws Exception {
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Node leader = leader(cluster);
            Node survivor = cluster.alive().stream().filter(n -> n != leader).findFirst().orElseThrow();
            long epoch = epoch(survivor);
            AtomicBoolean publishing = new AtomicBoolean(true);
            Thread publisher = new Thread(() -> {
                while (publishing.get()) {
                    probe(survivor);
                    sleep(20);
                }
            });
            publisher.start();
            sleep(300 + (long) (Math.random() * 700)); // not in step with pings or ticks
            long t0 = System.currentTimeMillis();
            if (kill) {
                leader.kill();
            } else {
                leader.stop();
            }
            long[] first = new long[1];
            waitFor(() -> (first[0] = firstHandledAfter(epoch)) > 0, 30_000, "a message handled by the new leader");
            publishing.set(false);
            publisher.join();
            samples.add(first[0] - t0);
            System.out.printf(Locale.ROOT, "[bench] %s run %d: %d ms%n", kill ? "kill -9" : "graceful", i + 1, first[0] - t0);
            cluster.restart(leader);
        }
        return samples;
    }

    private static Node leader(LocalCluster cluster) {
        Node[] found = new Node[1];
        waitFor(() -> {
            for (Node n : cluster.alive()) {
                var r = n.get("admin/cluster");
                if (r.isPresent() && r.get().statusCode() == 200 && r.get().body().contains("\"thisNodeLeads\":true")) {
                    found[0] = n;
                    return true;
                }
            }
            return false;
        }, 30_000, "a leader");
        return found[0];
    }

    /** The epoch the node sees; asked again while the node is too busy to answer (a loaded machine). */
    private static long epoch(Node n) {
        long[] epoch = new long[1];
        waitFor(() -> {
            var r = n.get("admin/cluster");
            if (r.isEmpty() || r.get().statusCode() != 200) {
                return false;
            }
            try {
                epoch[0] = JSON.readTree(r.get().body()).path("epoch").asLong();
                return true;
            } catch (Exception e) {
                return false;
            }
        }, 30_000, "the cluster view of " + n.name);
        return epoch[0];
    }

    private static void probe(Node via) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(via.url("admin/cluster/action/probe?count=1&prefix=bench")))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
            if (HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 202) {
                PUBLISHED.addAndGet(3);
            }
        } catch (Exception e) {
            // the node may be busy failing over; the next probe goes
        }
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/"
                + System.getProperty("it.cluster.db.name", "kinton_it_cluster"), "abiquo", "abiquo");
    }

    /** Wall-clock millis of the first probe a leader of a later epoch handled, or 0. */
    private static long firstHandledAfter(long epoch) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(processed_at) FROM consumer_probe WHERE epoch > ? AND probe_id LIKE 'bench-%'")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1) == null ? 0 : rs.getTimestamp(1).getTime();
            }
        } catch (Exception e) {
            return 0;
        }
    }

    private static long[] totals() throws Exception {
        waitFor(() -> {
            try {
                return totalsNow()[0] >= PUBLISHED.get();
            } catch (Exception e) {
                return false;
            }
        }, 60_000, "every published probe to be handled");
        return totalsNow();
    }

    private static long[] totalsNow() throws Exception {
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*), COALESCE(SUM(handled > 1), 0) FROM consumer_probe WHERE probe_id LIKE 'bench-%'")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static String row(String what, List<Long> samples) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |", what, sorted.size(), sorted.get(0), median,
                sorted.get(sorted.size() - 1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
