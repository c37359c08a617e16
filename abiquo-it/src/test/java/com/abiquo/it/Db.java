package com.abiquo.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Direct access to the test run's kinton, for what the API rightly never shows (a stored secret)
 * or cannot set (a datacenter uuid another remote service taught it).
 */
final class Db {

    private Db() {
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), "abiquo", "abiquo");
    }

    /** The first column of the first row, or null. */
    static String value(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static int update(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
