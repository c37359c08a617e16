package com.abiquo.notification;

import java.util.Optional;
import java.util.logging.Logger;

import com.abiquo.cloud.VirtualMachine;
import com.abiquo.cloud.VirtualMachineState;
import com.abiquo.cluster.LeaderMessage;
import com.abiquo.cluster.LeaderMessageHandler;
import com.abiquo.messaging.model.JobNotification;
import com.abiquo.messaging.model.JobType;
import com.abiquo.messaging.model.VmState;
import com.abiquo.persistence.JsonP;
import com.abiquo.scheduler.JobDispatcher;
import com.abiquo.scheduler.Scheduler;
import com.abiquo.scheduler.TaskOutcome;
import com.abiquo.task.JobState;
import com.abiquo.task.TaskRecord;
import com.abiquo.task.TaskType;
import com.abiquo.task.Tasks;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The leader applies the virtual factory's job notifications, in order: job states, and when the
 * last job is done (or a job failed and everything it had done was rolled back) the task's end,
 * with the VM in the state the hypervisor reported. A notification whose sequence is not above
 * the last one applied to its task (a late one, a re-driven task reporting again what it had done)
 * and one for a finished or unknown task change nothing.
 */
@ApplicationScoped
public class JobNotificationHandler implements LeaderMessageHandler {

    private static final Logger LOG = Logger.getLogger(JobNotificationHandler.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Tasks tasks;

    @EJB
    private TaskOutcome outcome;

    @EJB
    private Scheduler scheduler;

    @Override
    public String type() {
        return JobNotification.TYPE;
    }

    /** A repeated notification has a sequence not above the task's last applied one. */
    @Override
    public boolean recognisesRepeats() {
        return true;
    }

    @Override
    public void handle(LeaderMessage message) {
        JobNotification n = JobNotification.fromJson(message.body().toString());
        TaskRecord task = tasks.lock(n.taskId()).orElse(null);
        if (task == null || task.isFinished() || n.sequence() <= task.getLastSequence() || task.job(n.jobId()).isEmpty()) {
            LOG.info(() -> "Notification " + n.messageId() + " ignored: " + (task == null ? "unknown task"
                    : task.isFinished() ? "task already " + task.getState()
                    : task.job(n.jobId()).isEmpty() ? "not a job of the task"
                    : "stale (sequence " + n.sequence() + ", applied " + task.getLastSequence() + ")"));
            return;
        }
        warnIfSkipped(task, n);
        task.applied(n.sequence());
        // the task's row lock is enough for a job's progress; its VM is locked only when the task ends
        switch (n.state()) {
            case STARTED -> TaskOutcome.job(task, n.jobId(), JobState.STARTED);
            case DONE -> {
                TaskOutcome.job(task, n.jobId(), JobState.DONE);
                if (task.getJobs().stream().allMatch(j -> j.state() == JobState.DONE)) {
                    lockedVm(task).ifPresent(vm -> outcome.succeeded(task, vm,
                            vmState(n.vmState(), VirtualMachineState.UNKNOWN)));
                    return;
                }
            }
            case FAILED -> {
                TaskOutcome.job(task, n.jobId(), JobState.FAILED);
                task.recordError(n.jobType() + " failed: " + n.errorCode()
                        + (n.errorMessage() == null ? "" : " " + n.errorMessage()));
                if (rollbacksPending(task) == 0) {
                    lockedVm(task).ifPresent(vm -> fail(task, vm, n));
                    return;
                }
            }
            case ROLLBACK_DONE, ROLLBACK_FAILED -> {
                boolean undone = n.state() == com.abiquo.messaging.model.JobState.ROLLBACK_DONE;
                task.updateJob(n.jobId(), j -> j.rolledBack(undone ? JobState.ROLLBACK_DONE : JobState.ROLLBACK_FAILED));
                if (!undone) {
                    // the VM stays as the hypervisor has it (vmState), allocated where it is, and says so
                    task.recordError(task.getError() + "; rollback of " + n.jobType() + " failed: " + n.errorCode()
                            + (n.errorMessage() == null ? "" : " " + n.errorMessage()));
                }
                if (rollbacksPending(task) == 0) {
                    lockedVm(task).ifPresent(vm -> fail(task, vm, n));
                    return;
                }
            }
        }
        tasks.project(task);
    }

    /** The task's VM, row-locked; a VM no longer locked by the task aborts the task (empty). */
    private Optional<VirtualMachine> lockedVm(TaskRecord task) {
        VirtualMachine vm = em.find(VirtualMachine.class, task.getVmId(), LockModeType.PESSIMISTIC_WRITE);
        if (vm == null || !vm.isLockedBy(task.getTaskId())) {
            outcome.aborted(task, "the virtual machine " + task.getVmId() + " is no longer locked by this task");
            return Optional.empty();
        }
        return Optional.of(vm);
    }

    /** The jobs done before the failure that the virtual factory undoes and has not yet reported undone. */
    static long rollbacksPending(TaskRecord task) {
        return task.getJobs().stream().filter(j -> JobDispatcher.isHypervisorJob(j.type()))
                .filter(j -> j.state() == JobState.DONE && JobType.valueOf(j.type()).undoable())
                .filter(j -> j.rollbackState() != JobState.ROLLBACK_DONE && j.rollbackState() != JobState.ROLLBACK_FAILED)
                .count();
    }

    private void fail(TaskRecord task, VirtualMachine vm, JobNotification last) {
        String why = task.getError() != null ? task.getError() : "a job failed";
        if (task.getType() == TaskType.RECONFIGURE) {
            JsonObject data = JsonP.readObject(task.getData());
            scheduler.resize(vm, data.getInt("previousCpu"), data.getInt("previousRam"));
        }
        VirtualMachineState state = vmState(last.vmState(), null);
        if (task.getType() == TaskType.DEPLOY && state == null) {
            state = VirtualMachineState.NOT_ALLOCATED;
        }
        outcome.failed(task, vm, why, state);
    }

    /** The platform's state of a VM the hypervisor reports in {@code s}; {@code otherwise} when it says nothing. */
    static VirtualMachineState vmState(VmState s, VirtualMachineState otherwise) {
        if (s == null) {
            return otherwise;
        }
        return switch (s) {
            case CONFIGURED -> VirtualMachineState.CONFIGURED;
            case ON -> VirtualMachineState.ON;
            case OFF -> VirtualMachineState.OFF;
            case PAUSED -> VirtualMachineState.PAUSED;
            case NOT_FOUND -> VirtualMachineState.NOT_ALLOCATED;
            case UNKNOWN -> VirtualMachineState.UNKNOWN;
        };
    }

    /**
     * Notifications of a task come in publication order, so their sequences follow each other; the
     * one gap the contract has is from a FAILED job to the first rollback ({@code 2n+1}). Any other
     * gap means a notification was overtaken and will be ignored as stale: logged for operators
     * (and counted by the chaos run as a violation of in-order application).
     */
    private static void warnIfSkipped(TaskRecord task, JobNotification n) {
        long expected = task.getLastSequence() + 1;
        long firstRollback = 2L * JobDispatcher.hypervisorJobs(task).size() + 1;
        if (n.sequence() != expected && n.sequence() != firstRollback) {
            LOG.warning(() -> "Notification " + n.messageId() + " applied out of order: sequence " + n.sequence()
                    + ", expected " + expected + " (task " + task.getTaskId() + ")");
        }
    }
}
