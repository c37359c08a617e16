package com.abiquo.cluster;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Whether this node can serve: each data-node service it depends on, UP or DOWN. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeHealth {

    @Resource(lookup = "java:jboss/datasources/KintonDS")
    private DataSource dataSource;

    @jakarta.inject.Inject
    private Leadership leadership;

    public Map<String, String> check() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", database());
        return checks;
    }

    /** What a load balancer or operator may want beside the checks (not a condition of health). */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("node", leadership.nodeName());
        details.put("leader", leadership.isLeader());
        return details;
    }

    private String database() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? "UP" : "DOWN";
        } catch (Exception e) {
            return "DOWN";
        }
    }
}
