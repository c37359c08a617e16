package com.abiquo.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import com.abiquo.cloud.VirtualMachine;
import com.abiquo.cloud.VirtualMachineActions;
import com.abiquo.cloud.VirtualMachineService;
import com.abiquo.cloud.VirtualMachineState;
import com.abiquo.observability.Metrics;
import com.abiquo.persistence.AfterCommit;
import com.abiquo.persistence.JsonP;
import com.abiquo.task.JobState;
import com.abiquo.task.TaskRecord;
import com.abiquo.task.TaskState;
import com.abiquo.task.Tasks;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * How a task ends, on the leader, in its fenced transaction: the task's final state, the VM
 * unlocked in the state the task left it (its reservation released when it is no longer on a
 * machine; deleted when it was undeployed for deletion), and the Redis view written after commit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TaskOutcome {

    private static final Logger LOG = Logger.getLogger(TaskOutcome.class.getName());

    @EJB
    private Tasks tasks;

    @EJB
    private Scheduler scheduler;

    @EJB
    private VirtualMachineService vms;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    private Metrics metrics;

    /** Every job done: the VM is now in {@code state}. */
    public void succeeded(TaskRecord task, VirtualMachine vm, VirtualMachineState state) {
        finish(task, TaskState.FINISHED_SUCCESSFULLY, null);
        settle(task, vm, state);
        LOG.info(() -> "Task " + task.getTaskId() + " " + task.getType() + " of virtual machine " + task.getVmId()
                + " finished successfully: " + state);
    }

    /**
     * A job failed (and what could be undone was): the VM is left in {@code state}, or in the state
     * it had before the task when null.
     */
    public void failed(TaskRecord task, VirtualMachine vm, String why, VirtualMachineState state) {
        finish(task, TaskState.FINISHED_UNSUCCESSFULLY, why);
        if (vm != null) {
            vm.unlock(state);
            if (vm.getState() == VirtualMachineState.NOT_ALLOCATED) {
                scheduler.release(vm);
            }
        }
        tasks.project(task);
        LOG.warning(() -> "Task " + task.getTaskId() + " " + task.getType() + " of virtual machine " + task.getVmId()
                + " failed: " + why + (vm == null ? "" : "; the virtual machine is " + vm.getState()));
    }

    /** The task was given up (its VM is no longer locked by it, or recovery ran out of attempts). */
    public void aborted(TaskRecord task, String why) {
        finish(task, TaskState.ABORTED, why);
        tasks.project(task);
        LOG.warning(() -> "Task " + task.getTaskId() + " " + task.getType() + " aborted: " + why);
    }

    /** The task's final state; its duration counts once the transaction that ended it committed. */
    private void finish(TaskRecord task, TaskState state, String why) {
        task.finish(state, why);
        String type = task.getType().name();
        Duration took = Duration.between(task.getCreatedAt(), Instant.now());
        afterCommit.committed(() -> metrics.taskFinished(type, state.name(), took));
    }

    private void settle(TaskRecord task, VirtualMachine vm, VirtualMachineState state) {
        vm.unlock(state);
        if (state == VirtualMachineState.NOT_ALLOCATED) {
            scheduler.release(vm);
            if (deleteAfter(task)) {
                vms.purge(vm);
                LOG.info(() -> "Virtual machine " + task.getVmId() + " deleted after its undeploy (task "
                        + task.getTaskId() + ")");
            }
        }
        tasks.project(task);
    }

    static boolean deleteAfter(TaskRecord task) {
        return task.getData() != null && JsonP.readObject(task.getData())
                .getBoolean(VirtualMachineActions.DELETE_AFTER, false);
    }

    /** Marks one job and keeps going. */
    public static void job(TaskRecord task, String jobId, JobState state) {
        task.updateJob(jobId, j -> j.with(state));
    }
}
