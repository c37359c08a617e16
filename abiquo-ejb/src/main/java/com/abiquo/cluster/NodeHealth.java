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

    public Map<String, String> check() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", database());
        return checks;
    }

    private String database() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? "UP" : "DOWN";
        } catch (Exception e) {
            return "DOWN";
        }
    }
}
