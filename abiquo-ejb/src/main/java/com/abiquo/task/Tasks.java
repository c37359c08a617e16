package com.abiquo.task;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import com.abiquo.cloud.VirtualMachine;
import com.abiquo.persistence.AfterCommit;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The life of VM tasks: kinton holds each task's truth ({@link TaskRecord}) in the same
 * transaction as what the task does to its VM; the Redis task that clients read is written from it
 * after every commit (and again by recovery when that write was lost).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Tasks {

    private static final Logger LOG = Logger.getLogger(Tasks.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private TaskStore store;

    @Inject
    private AfterCommit afterCommit;

    /**
     * A new QUEUEING task on {@code vm}, which it LOCKS, with jobs of the given Abiquo types, all
     * PENDING. Its Redis view is written now, so that the status link works at once; Redis down is
     * a 503 and nothing is kept. Should the transaction not commit, the view is marked ABORTED.
     */
    public TaskRecord begin(VirtualMachine vm, TaskType type, int userId, List<String> jobTypes, String data) {
        String taskId = UUID.randomUUID().toString();
        List<TaskRecord.JobEntry> jobs = jobTypes.stream()
                .map(t -> new TaskRecord.JobEntry(taskId + "." + UUID.randomUUID(), t, JobState.PENDING, JobState.UNKNOWN))
                .toList();
        TaskRecord task = new TaskRecord(taskId, vm.getId(),
                vm.getVirtualAppliance().getVirtualDatacenter().getEnterprise().getId(), userId, type, jobs);
        task.setData(data);
        em.persist(task);
        vm.lock(taskId);
        store.save(task.view(Task.OWNER_VIRTUAL_MACHINE), true);
        afterCommit.then(null, () -> {
            task.finish(TaskState.ABORTED, "not accepted: its transaction did not commit");
            store.save(task.view(Task.OWNER_VIRTUAL_MACHINE), false);
        });
        LOG.info(() -> "Task " + taskId + " " + type + " of virtual machine " + vm.getId() + " queued by user " + userId);
        return task;
    }

    /** The task, locked until the end of the transaction (the leader's handlers serialize on it). */
    public Optional<TaskRecord> lock(String taskId) {
        return Optional.ofNullable(em.find(TaskRecord.class, taskId, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<TaskRecord> find(String taskId) {
        return Optional.ofNullable(em.find(TaskRecord.class, taskId));
    }

    /** Writes the task's Redis view after the commit, before the caller's answer (a client reads it next). */
    public void projectBeforeAnswering(TaskRecord task) {
        afterCommit.committed(() -> store.save(task.view(Task.OWNER_VIRTUAL_MACHINE), false));
    }

    /** The enterprise's unfinished tasks (of one user when {@code userId} is given), oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TaskRecord> pending(int enterpriseId, Integer userId) {
        return em.createQuery("select t from TaskRecord t where t.enterpriseId = :e and t.state in :open "
                + "order by t.createdAt", TaskRecord.class).setParameter("e", enterpriseId)
                .setParameter("open", List.of(TaskState.QUEUEING, TaskState.PENDING, TaskState.STARTED))
                .setMaxResults(1000).getResultStream().filter(t -> userId == null || t.getUserId() == userId).toList();
    }

    /**
     * Writes the task's Redis view once the current transaction committed, in the background and
     * in commit order (a write lost with the node is redone by recovery from kinton).
     */
    public void project(TaskRecord task) {
        Task view = task.view(Task.OWNER_VIRTUAL_MACHINE);
        afterCommit.committedInBackground(() -> store.save(view, false));
    }
}
