package com.abiquo.startup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Supplier;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.abiquo.security.Privilege;
import com.abiquo.tenancy.Enterprise;
import com.abiquo.tenancy.Role;
import com.abiquo.tenancy.Scope;
import com.abiquo.tenancy.User;

/**
 * What the first start of an installation creates: enterprise "Abiquo", scope "Global scope",
 * roles CLOUD_ADMIN (1), USER (2) and ENTERPRISE_ADMIN (3), and user {@code admin}. A versioned
 * migration, so it runs exactly once under Flyway's lock even when several nodes start together.
 */
public class FirstStartMigration implements JavaMigration {

    private final Supplier<String> adminPasswordHash;

    public FirstStartMigration(Supplier<String> adminPasswordHash) {
        this.adminPasswordHash = adminPasswordHash;
    }

    @Override
    public String getDescription() {
        return "first start: enterprise, scope, roles and admin";
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        PrivilegeCatalogue.synchronize(c);
        int scope = insert(c, "INSERT INTO scope (name) VALUES (?)", Scope.GLOBAL);
        int enterprise = insert(c, "INSERT INTO enterprise (name) VALUES (?)", Enterprise.DEFAULT_NAME);
        int cloudAdmin = role(c, Role.CLOUD_ADMIN, 1, scope, Set.of(Privilege.values()));
        role(c, Role.USER, 2, scope, Privilege.userDefaults());
        role(c, Role.ENTERPRISE_ADMIN, 3, scope, Privilege.enterpriseAdminDefaults());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (enterprise_id, role_id, scope_id, nick, name,"
                + " surname, email, description, password_hash, first_login) VALUES (?,?,?,?,?,?,?,?,?,FALSE)")) {
            ps.setInt(1, enterprise);
            ps.setInt(2, cloudAdmin);
            ps.setInt(3, scope);
            ps.setString(4, User.ADMIN_NICK);
            ps.setString(5, "Cloud");
            ps.setString(6, "Administrator");
            ps.setString(7, "");
            ps.setString(8, "Main administrator of the installation");
            ps.setString(9, adminPasswordHash.get());
            ps.executeUpdate();
        }
    }

    private static int role(Connection c, String name, int id, int scope, Set<Privilege> privileges) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO role (id, name, scope_id) VALUES (?,?,?)")) {
            ps.setInt(1, id);
            ps.setString(2, name);
            ps.setInt(3, scope);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO role_privilege (role_id, privilege_id) VALUES (?,?)")) {
            for (Privilege p : privileges) {
                ps.setInt(1, id);
                ps.setInt(2, p.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    private static int insert(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, value);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }
}
