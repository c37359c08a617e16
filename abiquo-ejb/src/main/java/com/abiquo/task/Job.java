package com.abiquo.task;

/** A step of a task ({@code Job:{id}}, id {@code {taskId}.{jobUuid}}). */
public record Job(String id, String parentTaskId, String type, String description, JobState state,
        JobState rollbackState, long timestamp, long creationTimestamp) {

    /** What a new task's job is: its type, description and initial state. */
    public record Spec(String type, String description, JobState state) {
    }
}
