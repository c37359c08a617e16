package com.abiquo.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the HTTP integration tests: the API and the remote services deployed, as built, in one
 * real WildFly on MariaDB. Each test creates what it needs under unique names (the schema is
 * shared by the run), so tests do not depend on each other's order.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ApiIT {

    @Deployment(name = "api", testable = false, order = 1)
    public static EnterpriseArchive api() {
        return Deployments.api();
    }

    @Deployment(name = "rs", testable = false, order = 2)
    public static WebArchive remoteServices() {
        return Deployments.remoteServices();
    }

    protected static final Api ADMIN = Api.admin();

    /** A name unique in this run. */
    protected static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
