package com.abiquo.scheduler;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.abiquo.cluster.FencedOutException;
import com.abiquo.cluster.Leadership;
import com.abiquo.config.ApiConfiguration.TaskTimes;
import com.abiquo.startup.ApiNode;
import com.abiquo.task.Task;
import com.abiquo.task.TaskState;
import com.abiquo.task.TaskStore;

import org.slf4j.MDC;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The leader's recovery sweep (a timer on every node that acts only on the leader): no task stays
 * QUEUEING or STARTED forever, Redis is written again from kinton, old finished tasks and handled
 * message ids are forgotten. The decisions are {@link RecoveryWork}'s, one fenced transaction each.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskRecovery {

    private static final Logger LOG = Logger.getLogger(TaskRecovery.class.getName());

    /** Tasks that moved within this window are written to Redis again by each sweep. */
    private static final int PROJECT_WINDOW_SECONDS = 30;

    @Inject
    private Leadership leadership;

    @EJB
    private RecoveryWork work;

    @EJB
    private TaskStore store;

    @EJB
    private ApiNode node;

    private int sweeps;

    /** Runs a decision about one task with its id in the log context (server.json). */
    private static void forTask(String taskId, Runnable decision) {
        MDC.put("taskId", taskId);
        try {
            decision.run();
        } finally {
            MDC.remove("taskId");
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "task recovery")
    void sweep() {
        long epoch = leadership.epoch();
        if (!leadership.isLeader() || epoch <= 0) {
            return;
        }
        try {
            TaskTimes times = node.configuration().taskTimes();
            for (String id : work.stuck(TaskState.QUEUEING, times.requeueAfterSeconds())) {
                forTask(id, () -> work.requeue(id, epoch, times));
            }
            for (String id : work.stuck(TaskState.STARTED, times.redriveAfterSeconds())) {
                forTask(id, () -> work.redrive(id, epoch, times));
            }
            List<Task> views = work.recentViews(PROJECT_WINDOW_SECONDS);
            for (Task view : views) {
                store.save(view, false);
            }
            if (++sweeps % 60 == 0) {
                int gone = work.purge(times.retentionHours());
                if (gone > 0) {
                    LOG.info("Recovery: forgot " + gone + " finished tasks and handled message ids older than "
                            + times.retentionHours() + " h");
                }
            }
        } catch (FencedOutException e) {
            LOG.warning("Recovery stopped: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recovery sweep failed (next one in 5 s): " + e, e);
        }
    }
}
