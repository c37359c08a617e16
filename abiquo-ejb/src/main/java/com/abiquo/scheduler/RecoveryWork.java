package com.abiquo.scheduler;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import com.abiquo.cloud.VirtualMachine;
import com.abiquo.cloud.VirtualMachineState;
import com.abiquo.cluster.LeaderEpoch;
import com.abiquo.config.ApiConfiguration.TaskTimes;
import com.abiquo.messaging.Messaging;
import com.abiquo.messaging.QueueDefinition;
import com.abiquo.messaging.Queues;
import com.abiquo.task.JobState;
import com.abiquo.task.Task;
import com.abiquo.task.TaskRecord;
import com.abiquo.task.TaskState;
import com.abiquo.task.Tasks;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * One decision of recovery about one task, each in its own transaction fenced by the leader's
 * epoch: a queued task the scheduler never took is announced again; a started one that stopped
 * moving is sent again to its virtual factory (which does nothing twice) or, after the last
 * attempt, failed with its VM UNKNOWN (what exists on the hypervisor is then for the monitor and
 * an undeploy to settle). Every decision is logged with the task id.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RecoveryWork {

    private static final Logger LOG = Logger.getLogger(RecoveryWork.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private LeaderEpoch epochs;

    @EJB
    private Tasks tasks;

    @EJB
    private TaskOutcome outcome;

    @EJB
    private Messaging messaging;

    @Inject
    private SchedulerQueue scheduler;

    @Inject
    private JobDispatcher dispatcher;

    /** Tasks in {@code state} that have not moved for {@code seconds}, oldest first. */
    public List<String> stuck(TaskState state, int seconds) {
        return em.createQuery("select t.taskId from TaskRecord t where t.state = :s and t.updatedAt < :before "
                + "order by t.updatedAt", String.class).setParameter("s", state)
                .setParameter("before", Instant.now().minusSeconds(seconds)).setMaxResults(200).getResultList();
    }

    /**
     * Announces a QUEUEING task to the scheduler again, or aborts it after the last attempt; not while
     * requests wait in the scheduler queue (the task is then most likely among them, not lost).
     */
    public void requeue(String taskId, long epoch, TaskTimes times) {
        epochs.requireCurrent(epoch);
        TaskRecord task = tasks.lock(taskId).orElse(null);
        if (task == null || task.getState() != TaskState.QUEUEING || !stale(task, times.requeueAfterSeconds())) {
            return;
        }
        VirtualMachine vm = lockedVm(task);
        long waiting = queued(Queues.api().stream().filter(q -> q.queue().equals(Queues.SCHEDULER_REQUESTS)).findFirst()
                .orElseThrow());
        if (waiting != 0) {
            task.touch(); // its request may be among those waiting (a burst the leader works through): not lost
            LOG.info(() -> "Recovery: task " + taskId + " still QUEUEING, but " + (waiting < 0 ? "the broker cannot say"
                    : waiting + " requests wait") + " in the scheduler queue: waiting");
            return;
        }
        if (task.getAttempts() + 1 >= times.maxAttempts()) {
            if (vm != null && vm.isLockedBy(taskId)) {
                vm.unlock(null);
            }
            outcome.aborted(task, "the scheduler did not take it after " + (task.getAttempts() + 1) + " announcements");
            return;
        }
        task.attempted();
        scheduler.request(task);
        LOG.warning(() -> "Recovery: task " + taskId + " still QUEUEING after " + times.requeueAfterSeconds()
                + " s: announced to the scheduler again (attempt " + (task.getAttempts() + 1) + ")");
    }

    /** Sends a STARTED task that stopped moving to its virtual factory again, or fails it. */
    public void redrive(String taskId, long epoch, TaskTimes times) {
        epochs.requireCurrent(epoch);
        TaskRecord task = tasks.lock(taskId).orElse(null);
        if (task == null || task.getState() != TaskState.STARTED || !stale(task, times.redriveAfterSeconds())) {
            return;
        }
        VirtualMachine vm = lockedVm(task);
        if (vm == null || !vm.isLockedBy(taskId) || vm.getMachine() == null) {
            outcome.aborted(task, "its virtual machine is no longer locked by it, or not on a machine");
            return;
        }
        if (task.getJobs().stream().anyMatch(j -> j.state() == JobState.FAILED)) {
            outcome.failed(task, vm, (task.getError() == null ? "a job failed" : task.getError())
                    + "; the virtual factory did not confirm its rollback", VirtualMachineState.UNKNOWN);
            return;
        }
        String datacenter = vm.getMachine().getDatacenter().getUuid();
        long waiting = queued(Queues.datacenterRequests(datacenter));
        if (waiting != 0) {
            task.touch(); // its message may be among those waiting: give the virtual factory time
            LOG.info(() -> "Recovery: task " + taskId + " has not moved, but " + (waiting < 0 ? "the broker cannot say"
                    : waiting + " messages wait") + " for the virtual factory of " + datacenter + ": waiting");
            return;
        }
        if (task.getAttempts() + 1 >= times.maxAttempts()) {
            outcome.failed(task, vm, "no answer from the virtual factory of datacenter " + datacenter + " after "
                    + (task.getAttempts() + 1) + " attempts", VirtualMachineState.UNKNOWN);
            return;
        }
        task.attempted();
        dispatcher.dispatch(task, vm);
        tasks.project(task);
        LOG.warning(() -> "Recovery: task " + taskId + " STARTED but silent for " + times.redriveAfterSeconds()
                + " s: sent again to the virtual factory of " + datacenter + " (attempt " + (task.getAttempts() + 1) + ")");
    }

    /** The views of tasks that moved lately, to write again to Redis (a write after commit may have been lost). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Task> recentViews(int seconds) {
        return em.createQuery("select t from TaskRecord t where t.updatedAt >= :since or t.state in :open",
                TaskRecord.class).setParameter("since", Instant.now().minusSeconds(seconds))
                .setParameter("open", List.of(TaskState.QUEUEING, TaskState.STARTED)).setMaxResults(1000)
                .getResultList().stream().map(t -> t.view(Task.OWNER_VIRTUAL_MACHINE)).toList();
    }

    /** Forgets finished tasks and handled message ids older than the retention. */
    public int purge(int retentionHours) {
        Timestamp before = Timestamp.from(Instant.now().minusSeconds(retentionHours * 3600L));
        int tasksGone = em.createNativeQuery("DELETE FROM vm_task WHERE state NOT IN ('QUEUEING', 'PENDING', 'STARTED') "
                + "AND updated_at < ? LIMIT 1000").setParameter(1, before).executeUpdate();
        int messagesGone = em.createNativeQuery("DELETE FROM processed_message WHERE processed_at < ? LIMIT 5000")
                .setParameter(1, before).executeUpdate();
        return tasksGone + messagesGone;
    }

    private VirtualMachine lockedVm(TaskRecord task) {
        return em.find(VirtualMachine.class, task.getVmId(), LockModeType.PESSIMISTIC_WRITE);
    }

    private static boolean stale(TaskRecord task, int seconds) {
        return task.getUpdatedAt().isBefore(Instant.now().minusSeconds(seconds));
    }

    /** Messages ready in the queue; -1 when the broker cannot say. */
    private long queued(QueueDefinition queue) {
        try {
            return messaging.queueStats(List.of(queue)).get(0).messages();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
