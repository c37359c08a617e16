package com.abiquo.startup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import com.abiquo.security.Privilege;
import com.abiquo.tenancy.Role;

/**
 * Keeps the {@code privilege} table equal to the {@link Privilege} catalogue, and gives every
 * privilege to CLOUD_ADMIN. Idempotent and safe when several nodes run it at once.
 */
final class PrivilegeCatalogue {

    private PrivilegeCatalogue() {
    }

    static void synchronize(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO privilege (id, name) VALUES (?,?) ON DUPLICATE KEY UPDATE name = VALUES(name)")) {
            for (Privilege p : Privilege.values()) {
                ps.setInt(1, p.id());
                ps.setString(2, p.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO role_privilege (role_id, privilege_id) "
                + "SELECT r.id, p.id FROM role r, privilege p WHERE r.name = ? AND r.enterprise_id IS NULL")) {
            ps.setString(1, Role.CLOUD_ADMIN);
            ps.executeUpdate();
        }
    }
}
