package com.abiquo.startup;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Secrets generated once for the whole installation and shared by every node through kinton.
 * The first node to ask creates the value; {@code INSERT IGNORE} makes concurrent first starts
 * agree on one. Values are never logged.
 */
final class InstallationSecrets {

    static final String TOKEN_SIGNING_KEY = "token-signing-key";
    static final String HYPERVISOR_CREDENTIALS_KEY = "hypervisor-credentials-key";

    private InstallationSecrets() {
    }

    static byte[] get(Connection c, String name) throws SQLException {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO installation_secret (name, value) VALUES (?,?)")) {
            ps.setString(1, name);
            ps.setString(2, Base64.getEncoder().encodeToString(fresh));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM installation_secret WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Base64.getDecoder().decode(rs.getString(1));
            }
        }
    }
}
