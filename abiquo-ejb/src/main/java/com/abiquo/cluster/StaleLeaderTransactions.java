package com.abiquo.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The transactions a new leader's epoch bump waits for, aborted. A deposed leader frozen (a long
 * GC pause, a suspended VM) or cut off from ZooKeeper in the middle of a fenced transaction keeps
 * its shared lock on the fencing row for as long as it stays so, and no leader work would be done
 * meanwhile (the bump waits up to innodb_lock_wait_timeout, fails, and the next election waits
 * again). Killing its connection rolls the transaction back, as the deposed leader's crash would:
 * the leader-only work is built to survive that (its messages are redelivered, its tasks
 * recovered), and its commit can no longer land once the bump is through.
 *
 * <p>Finding the blockers reads InnoDB's lock views, which needs the database account's PROCESS
 * privilege ({@code ./abiquo up} grants it); killing them needs nothing more, as every API node
 * connects with the same account. Without it the bump waits as before, and says why.
 */
@Stateless
public class StaleLeaderTransactions {

    private static final Logger LOG = Logger.getLogger(StaleLeaderTransactions.class.getName());

    /** MariaDB's "you need the PROCESS privilege" (ER_SPECIFIC_ACCESS_DENIED_ERROR). */
    private static final int ACCESS_DENIED = 1227;
    /** The connection is already gone (ER_NO_SUCH_THREAD): its transaction ended with it. */
    private static final int NO_SUCH_THREAD = 1094;

    /** A transaction that holds a lock the waiting connection wants. */
    private record Blocker(long connection, String host, long idleSeconds, String openSince) {
    }

    @Resource(lookup = "java:jboss/datasources/KintonDS")
    private DataSource dataSource;

    /**
     * Kills the connections whose transactions hold a lock that {@code waitingConnection} (the
     * bump's, blocked {@code waitedSeconds} so far) waits for, and logs each.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void abortThoseBlocking(long waitingConnection, long waitedSeconds) {
        try (Connection c = dataSource.getConnection()) {
            for (Blocker b : blockers(c, waitingConnection)) {
                if (kill(c, b)) {
                    LOG.warning(() -> "The epoch bump waited " + waitedSeconds + " s for the transaction of database connection "
                            + b.connection() + " (from " + b.host() + ", open since " + b.openSince() + ", idle "
                            + b.idleSeconds() + " s): a deposed leader frozen or cut off mid-transaction; killed it, its "
                            + "work is rolled back and redone by this leader");
                }
            }
        } catch (SQLException e) {
            LOG.warning(() -> "The epoch bump has waited " + waitedSeconds + " s for transactions that hold the fencing row "
                    + "(a deposed leader's, frozen or cut off?) and cannot abort them: "
                    + (e.getErrorCode() == ACCESS_DENIED
                            ? "the database account lacks the PROCESS privilege to find them (GRANT PROCESS ON *.*)"
                            : e.getMessage())
                    + "; it waits until they end, at most innodb_lock_wait_timeout, then the election is retried");
        }
    }

    private static List<Blocker> blockers(Connection c, long waitingConnection) throws SQLException {
        List<Blocker> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT b.trx_mysql_thread_id, p.HOST, p.TIME, b.trx_started"
                + " FROM information_schema.INNODB_LOCK_WAITS w"
                + " JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id"
                + " JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id"
                + " LEFT JOIN information_schema.PROCESSLIST p ON p.ID = b.trx_mysql_thread_id"
                + " WHERE r.trx_mysql_thread_id = ?")) {
            s.setLong(1, waitingConnection);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Blocker(rs.getLong(1), rs.getString(2), rs.getLong(3), String.valueOf(rs.getTimestamp(4))));
                }
            }
        }
        return found;
    }

    /** KILL CONNECTION: false when it cannot be killed (another account's), which is logged. */
    private static boolean kill(Connection c, Blocker b) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("KILL CONNECTION " + b.connection());
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() != NO_SUCH_THREAD) {
                LOG.warning(() -> "The epoch bump waits for the transaction of database connection " + b.connection()
                        + " (from " + b.host() + ") and cannot kill it: " + e.getMessage());
            }
            return false;
        }
    }
}
