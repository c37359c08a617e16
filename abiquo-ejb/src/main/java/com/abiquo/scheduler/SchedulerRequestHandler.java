package com.abiquo.scheduler;

import java.util.Optional;
import java.util.logging.Logger;

import com.abiquo.cloud.VirtualMachine;
import com.abiquo.cloud.VirtualMachineActions;
import com.abiquo.cloud.VirtualMachineState;
import com.abiquo.cluster.LeaderMessage;
import com.abiquo.cluster.LeaderMessageHandler;
import com.abiquo.persistence.JsonP;
import com.abiquo.task.JobState;
import com.abiquo.task.TaskRecord;
import com.abiquo.task.TaskState;
import com.abiquo.task.TaskType;
import com.abiquo.task.Tasks;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The leader takes the scheduler queue's requests one at a time, in order: a deploy is placed on
 * a machine (its resources reserved), a reconfigure resized there, and then the task's hypervisor
 * jobs go to the datacenter's virtual factory; other tasks go there directly. A request whose
 * task is no longer QUEUEING (a repeated publication, a cancelled task) changes nothing.
 */
@ApplicationScoped
public class SchedulerRequestHandler implements LeaderMessageHandler {

    private static final Logger LOG = Logger.getLogger(SchedulerRequestHandler.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Tasks tasks;

    @EJB
    private Scheduler scheduler;

    @EJB
    private TaskOutcome outcome;

    @Inject
    private JobDispatcher dispatcher;

    @Override
    public String type() {
        return SchedulerQueue.TYPE;
    }

    @Override
    public void handle(LeaderMessage message) {
        String taskId = message.body().getString("taskId", "");
        Optional<TaskRecord> found = tasks.lock(taskId);
        if (found.isEmpty()) {
            LOG.warning(() -> "Scheduler request for the unknown task " + taskId + ": ignored");
            return;
        }
        TaskRecord task = found.get();
        if (task.getState() != TaskState.QUEUEING) {
            LOG.info(() -> "Task " + taskId + " is " + task.getState() + ": its scheduler request was handled already");
            return;
        }
        // the VM with what placing and configuring it read, in one statement; then its row lock
        VirtualMachine vm = VirtualMachine.findWithScope(em, task.getVmId()).orElse(null);
        if (vm != null) {
            em.refresh(vm, LockModeType.PESSIMISTIC_WRITE);
        }
        if (vm == null || !vm.isLockedBy(taskId)) {
            outcome.aborted(task, "the virtual machine " + task.getVmId() + " is no longer locked by this task");
            return;
        }
        if (task.getType() == TaskType.DEPLOY && !schedule(task, vm)) {
            return;
        }
        if (task.getType() == TaskType.RECONFIGURE && !resize(task, vm)) {
            return;
        }
        task.setState(TaskState.STARTED);
        dispatcher.dispatch(task, vm);
        tasks.project(task);
    }

    private boolean schedule(TaskRecord task, VirtualMachine vm) {
        String job = task.jobOfType(VirtualMachineActions.SCHEDULE).orElseThrow().id();
        long started = System.nanoTime();
        Optional<String> noRoom = scheduler.place(vm);
        if (noRoom.isPresent()) {
            TaskOutcome.job(task, job, JobState.FAILED);
            outcome.failed(task, vm, "SCHEDULE: " + noRoom.get(), VirtualMachineState.NOT_ALLOCATED);
            return false;
        }
        TaskOutcome.job(task, job, JobState.DONE);
        LOG.info(() -> "Task " + task.getTaskId() + ": virtual machine " + vm.getId() + " placed on machine "
                + vm.getMachine().getId() + " datastore " + vm.getDatastore().getId() + " in "
                + (System.nanoTime() - started) / 1000 + " µs");
        return true;
    }

    private boolean resize(TaskRecord task, VirtualMachine vm) {
        String job = task.jobOfType(VirtualMachineActions.UPDATE_RESOURCES).orElseThrow().id();
        JsonObject wanted = JsonP.readObject(task.getData());
        Optional<String> noRoom = scheduler.resize(vm, wanted.getInt("cpu"), wanted.getInt("ram"));
        if (noRoom.isPresent()) {
            TaskOutcome.job(task, job, JobState.FAILED);
            outcome.failed(task, vm, "UPDATE_RESOURCES: " + noRoom.get(), null);
            return false;
        }
        TaskOutcome.job(task, job, JobState.DONE);
        return true;
    }
}
