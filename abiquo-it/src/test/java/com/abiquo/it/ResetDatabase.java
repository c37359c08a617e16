package com.abiquo.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Before the servers start: drops and creates the schema of this test run, makes sure the
 * application's own database account exists (the server never connects as root), and gives the
 * run a fresh RabbitMQ virtual host of the same name, so that runs side by side (and a local
 * installation) never consume each other's messages.
 */
public final class ResetDatabase {

    private ResetDatabase() {
    }

    public static void main(String[] args) throws Exception {
        reset(args[0], args[1]);
        resetVirtualHost(args[1]);
    }

    /** A fresh virtual host for guest (rabbitmqctl: the tests run as root on the broker's machine). */
    public static void resetVirtualHost(String vhost) throws Exception {
        rabbitmqctl(true, "delete_vhost", vhost);
        rabbitmqctl(false, "add_vhost", vhost);
        rabbitmqctl(false, "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        System.out.println("[abiquo-it] fresh RabbitMQ virtual host " + vhost);
    }

    private static void rabbitmqctl(boolean mayFail, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("rabbitmqctl", "-q"));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0 && !mayFail) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    public static void reset(String serverUrl, String schema) throws Exception {
        reset(serverUrl, schema, true);
        System.out.println("[abiquo-it] fresh schema " + schema);
    }

    /** Drops the schema and leaves it to whoever starts the servers (./abiquo up) to create. */
    public static void drop(String serverUrl, String schema) throws Exception {
        reset(serverUrl, schema, false);
        System.out.println("[abiquo-it] no schema " + schema);
    }

    private static void reset(String serverUrl, String schema, boolean create) throws Exception {
        if (!schema.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Bad schema name " + schema);
        }
        try (Connection c = DriverManager.getConnection(serverUrl, "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + schema);
            if (create) {
                s.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            for (String host : new String[] {"localhost", "127.0.0.1"}) {
                s.execute("CREATE USER IF NOT EXISTS 'abiquo'@'" + host + "' IDENTIFIED BY 'abiquo'");
                s.execute("GRANT ALL PRIVILEGES ON `kinton%`.* TO 'abiquo'@'" + host + "'");
                s.execute("GRANT PROCESS ON *.* TO 'abiquo'@'" + host + "'"); // as ./abiquo up grants it
            }
        }
    }
}
