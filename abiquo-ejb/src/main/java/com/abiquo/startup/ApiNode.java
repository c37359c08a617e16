package com.abiquo.startup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import com.abiquo.config.AbiquoProperties;
import com.abiquo.config.ApiConfiguration;
import com.abiquo.config.ConfigurationException;
import com.abiquo.security.PasswordHasher;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

/**
 * The start of an API node, in order: read and check abiquo.properties (a bad key stops the
 * deployment naming the key), bring kinton to the current schema (Flyway's lock makes concurrent
 * starts safe), keep the privilege catalogue current, load the installation's secrets
 * (token signing key, hypervisor credentials key).
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class ApiNode {

    private static final Logger LOG = Logger.getLogger(ApiNode.class.getName());

    @Resource(lookup = "java:jboss/datasources/KintonDS")
    private DataSource dataSource;

    private volatile ApiConfiguration configuration;
    private volatile byte[] tokenSigningKey;
    private volatile byte[] hypervisorCredentialsKey;
    private volatile RuntimeException failure;

    /**
     * Never throws: a startup singleton that fails leaves WildFly waiting for it until the
     * deployment times out (minutes). The failure is kept and {@link #requireStarted()} makes the
     * web module fail the deployment at once, with the message that names the bad key.
     */
    @PostConstruct
    void start() {
        try {
            prepare();
        } catch (RuntimeException e) {
            failure = e;
            LOG.severe("This API node cannot start: " + e.getMessage());
        }
    }

    /** Throws the reason this node could not start, if it could not. */
    public void requireStarted() {
        if (failure != null) {
            throw new IllegalStateException("This API node cannot start: " + failure.getMessage(), failure);
        }
    }

    private void prepare() {
        AbiquoProperties properties = AbiquoProperties.load();
        configuration = ApiConfiguration.from(properties);
        LOG.info(() -> "Configuration from " + properties.source() + ": " + properties.describe());

        PasswordHasher hasher = new PasswordHasher(configuration.passwordHashIterations());
        MigrateResult result = Flyway.configure(ApiNode.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new FirstStartMigration(() -> hasher.hash(configuration.adminInitialPassword()
                        .orElseThrow(() -> new ConfigurationException("missing key 'abiquo.server.admin.initialPassword'"
                                + " in " + properties.source() + ": the first start needs the admin's password")))))
                .load()
                .migrate();
        LOG.info(() -> "Schema kinton at version " + (result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion) + " (" + result.migrationsExecuted + " migrations applied now)");

        try (Connection c = dataSource.getConnection()) {
            PrivilegeCatalogue.synchronize(c);
            tokenSigningKey = InstallationSecrets.get(c, InstallationSecrets.TOKEN_SIGNING_KEY);
            hypervisorCredentialsKey = InstallationSecrets.get(c, InstallationSecrets.HYPERVISOR_CREDENTIALS_KEY);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare kinton: " + e.getMessage(), e);
        }
    }

    public ApiConfiguration configuration() {
        requireStarted();
        return configuration;
    }

    public byte[] tokenSigningKey() {
        return tokenSigningKey.clone();
    }

    /** AES-256 key of the machines' hypervisor passwords (the same on every node). */
    public byte[] hypervisorCredentialsKey() {
        return hypervisorCredentialsKey.clone();
    }
}
