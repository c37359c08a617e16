package com.abiquo.it.messaging.mdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Rows of msg_it_delivery: a 'delivery' row in the MDB's own transaction (gone if it rolls back),
 * naming that transaction (deliveries of one batch share it), an 'attempt' row in a transaction of
 * its own (kept whatever happens, to count deliveries).
 */
@Stateless
public class Deliveries {

    @Resource(lookup = "java:jboss/datasources/KintonDS")
    private DataSource ds;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void delivered(String queue, String messageId) {
        insert(queue, messageId, "delivery", String.valueOf(transactions.getTransactionKey()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void attempted(String queue, String messageId) {
        insert(queue, messageId, "attempt", null);
    }

    private void insert(String queue, String messageId, String kind, String transaction) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into msg_it_delivery (queue, message_id, kind, tx, at) values (?, ?, ?, ?, now(3))")) {
            ps.setString(1, queue);
            ps.setString(2, messageId);
            ps.setString(3, kind);
            ps.setString(4, transaction);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
