package com.abiquo.messaging.model;

import java.time.Instant;
import java.util.Map;

/**
 * What the virtual factory publishes for each state change of a job, to exchange
 * {@code abiquo.virtualfactory} (direct), routing key and queue
 * {@code abiquo.virtualfactory.notifications}, {@code messageId} header = {@link #messageId()}.
 * JSON:
 *
 * <pre>
 * {"type": "job.notification", "messageId", "datacenterId", "taskId", "jobId", "jobType", "state",
 *  "vmUuid", "vmState", "errorCode", "errorMessage", "sequence", "timestamp"}
 * </pre>
 *
 * <ul>
 * <li>{@code messageId} is deterministic, {@code <taskId>.<jobId>.<state>}: when the virtual
 * factory runs a redelivered task again, the notifications it already sent carry the same ids, and
 * the leader (which records handled ids) ignores them.
 * <li>{@code sequence} is deterministic and increases in the order of publication within a task:
 * job {@code i} (0-based) of {@code n} reports STARTED as {@code 2i+1} and DONE/FAILED as
 * {@code 2i+2}; the rollbacks that follow a failure report ROLLBACK_DONE (or ROLLBACK_FAILED) as {@code 2n+1},
 * {@code 2n+2}, ... in the order they run (the reverse of the jobs). A notification whose sequence
 * is not above the last applied one for its task is stale.
 * <li>{@code vmState} is what the hypervisor says after the job (null with STARTED);
 * {@code errorCode}/{@code errorMessage} only with FAILED and ROLLBACK_FAILED (e.g. {@code VF-CONFIGURE}).
 * <li>{@code timestamp}: ISO-8601 instant.
 * </ul>
 */
public record JobNotification(String messageId, String datacenterId, String taskId, String jobId, JobType jobType,
        JobState state, String vmUuid, VmState vmState, String errorCode, String errorMessage, long sequence,
        Instant timestamp) {

    public static final String TYPE = "job.notification";

    public JobNotification {
        HypervisorConnection.require(messageId, "messageId");
        HypervisorConnection.require(datacenterId, "datacenterId");
        HypervisorConnection.require(taskId, "taskId");
        HypervisorConnection.require(jobId, "jobId");
        HypervisorConnection.require(vmUuid, "vmUuid");
        if (jobType == null || state == null || timestamp == null) {
            throw new IllegalArgumentException("jobType, state and timestamp are required");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive");
        }
        if ((state == JobState.FAILED || state == JobState.ROLLBACK_FAILED) && (errorCode == null || errorCode.isBlank())) {
            throw new IllegalArgumentException("a " + state + " job needs an errorCode");
        }
    }

    /** The deterministic message id of a job's notification in a given state. */
    public static String messageId(String taskId, String jobId, JobState state) {
        return taskId + "." + jobId + "." + state.name();
    }

    public String toJson() {
        Map<String, Object> m = Fields.envelope(TYPE, messageId, datacenterId);
        m.put("taskId", taskId);
        m.put("jobId", jobId);
        m.put("jobType", jobType.name());
        m.put("state", state.name());
        m.put("vmUuid", vmUuid);
        m.put("vmState", vmState == null ? null : vmState.name());
        m.put("errorCode", errorCode);
        m.put("errorMessage", errorMessage);
        m.put("sequence", sequence);
        m.put("timestamp", timestamp.toString());
        return Json.write(m);
    }

    /** @throws MalformedMessageException naming the first field that breaks the contract */
    public static JobNotification fromJson(String json) {
        Fields f = Fields.message(json, TYPE);
        return Fields.checked(() -> new JobNotification(f.string("messageId"), f.string("datacenterId"),
                f.string("taskId"), f.string("jobId"), f.enumValue("jobType", JobType.class),
                f.enumValue("state", JobState.class), f.string("vmUuid"), f.optionalEnum("vmState", VmState.class),
                f.optionalString("errorCode"), f.optionalString("errorMessage"),
                f.number("sequence", 1, Long.MAX_VALUE), f.instant("timestamp")));
    }
}
