package com.abiquo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The broker's own tool, for tests that must break a connection from the broker's side. */
public final class Rabbitmqctl {

    private Rabbitmqctl() {
    }

    /**
     * Closes the connections whose client-provided name is exactly {@code name} (only a test's own:
     * the broker is shared with other builds) and returns how many it closed.
     */
    public static int closeConnections(String name) throws Exception {
        String list = run("rabbitmqctl", "list_connections", "-q", "--no-table-headers", "pid", "client_properties");
        int closed = 0;
        for (String line : list.split("\n")) {
            if (line.contains("\"" + name + "\"")) {
                run("rabbitmqctl", "close_connection", line.trim().split("\\s+")[0], "test");
                closed++;
            }
        }
        return closed;
    }

    public static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
