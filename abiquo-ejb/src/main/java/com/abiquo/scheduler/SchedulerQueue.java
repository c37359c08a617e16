package com.abiquo.scheduler;

import java.util.logging.Logger;

import com.abiquo.messaging.Messaging;
import com.abiquo.messaging.Queues;
import com.abiquo.persistence.AfterCommit;
import com.abiquo.persistence.JsonP;
import com.abiquo.task.TaskRecord;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Any API node's side of the scheduler queue: a task is announced to the leader once the
 * transaction that created it committed. One message per task, always with the same id (a second
 * publication of it, by recovery, is recognised by the leader as the same request).
 */
@ApplicationScoped
public class SchedulerQueue {

    public static final String TYPE = "scheduler.request";

    private static final Logger LOG = Logger.getLogger(SchedulerQueue.class.getName());

    @EJB
    private Messaging messaging;

    @Inject
    private AfterCommit afterCommit;

    /** Publishes the task's request after the commit (a lost one is published again by recovery). */
    public void request(TaskRecord task) {
        String taskId = task.getTaskId();
        afterCommit.committed(() -> publishNow(taskId));
    }

    private void publishNow(String taskId) {
        String json = JsonP.object().add("type", TYPE).add("messageId", messageId(taskId))
                .add("taskId", taskId).build().toString();
        messaging.publisher().publishJson(Queues.SCHEDULER_EXCHANGE, Queues.SCHEDULER_REQUESTS, messageId(taskId), json);
        LOG.fine(() -> "Task " + taskId + " sent to the scheduler");
    }

    static String messageId(String taskId) {
        return "schedule." + taskId;
    }
}
