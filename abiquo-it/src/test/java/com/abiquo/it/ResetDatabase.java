package com.abiquo.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Before the server starts: drops and creates the schema of this test run, and makes sure the
 * application's own database account exists (the server never connects as root).
 */
public final class ResetDatabase {

    private ResetDatabase() {
    }

    public static void main(String[] args) throws Exception {
        reset(args[0], args[1]);
    }

    public static void reset(String serverUrl, String schema) throws Exception {
        if (!schema.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Bad schema name " + schema);
        }
        try (Connection c = DriverManager.getConnection(serverUrl, "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + schema);
            s.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : new String[] {"localhost", "127.0.0.1"}) {
                s.execute("CREATE USER IF NOT EXISTS 'abiquo'@'" + host + "' IDENTIFIED BY 'abiquo'");
                s.execute("GRANT ALL PRIVILEGES ON `kinton%`.* TO 'abiquo'@'" + host + "'");
            }
        }
        System.out.println("[abiquo-it] fresh schema " + schema);
    }
}
