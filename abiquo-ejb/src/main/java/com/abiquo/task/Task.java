package com.abiquo.task;

import java.util.List;

/**
 * A task as stored ({@code Task:{taskId}}) with its jobs ({@code Task:{taskId}:jobs}).
 * Timestamps are epoch seconds; {@code enterpriseId} says whose it is (tenancy of the owner, which
 * may be gone, e.g. a deleted machine).
 */
public record Task(String taskId, String ownerType, String ownerId, String userId, String enterpriseId, TaskType type,
        TaskState state, long timestamp, long creationTimestamp, List<Job> jobs) {

    public static final String OWNER_VIRTUAL_MACHINE = "VirtualMachine";
}
