package com.abiquo.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.abiquo.persistence.JsonP;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A VM task as kinton knows it ({@code vm_task}): the truth about a task in flight, of which the
 * Redis task is Abiquo's view. Its jobs (with their states) are kept as JSON; the last applied
 * notification sequence makes late and repeated notifications harmless.
 */
@Entity
@Table(name = "vm_task")
public class TaskRecord {

    /** One job: Abiquo's job type name (SCHEDULE, CONFIGURE, ...), its state and rollback state. */
    public record JobEntry(String id, String type, JobState state, JobState rollbackState) {
        public JobEntry with(JobState newState) {
            return new JobEntry(id, type, newState, rollbackState);
        }

        /** {@code outcome}: ROLLBACK_DONE or ROLLBACK_FAILED. */
        public JobEntry rolledBack(JobState outcome) {
            return new JobEntry(id, type, state, outcome);
        }
    }

    @Id
    @Column(name = "task_id", length = 64)
    private String taskId;

    @Column(name = "vm_id", nullable = false)
    private int vmId;

    @Column(name = "enterprise_id", nullable = false)
    private int enterpriseId;

    @Column(name = "user_id", nullable = false)
    private int userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "task_type", nullable = false, length = 24)
    private TaskType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private TaskState state;

    @Column(name = "jobs", nullable = false, columnDefinition = "TEXT")
    private String jobsJson;

    /** What the task needs to remember (JSON): e.g. the resources before a reconfigure. */
    @Column(name = "data", columnDefinition = "TEXT")
    private String data;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(nullable = false)
    private int attempts;

    @Column(length = 1024)
    private String error;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    @Transient
    private List<JobEntry> jobs;

    protected TaskRecord() {
    }

    public TaskRecord(String taskId, int vmId, int enterpriseId, int userId, TaskType type, List<JobEntry> jobs) {
        this.taskId = taskId;
        this.vmId = vmId;
        this.enterpriseId = enterpriseId;
        this.userId = userId;
        this.type = type;
        this.state = TaskState.QUEUEING;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        setJobs(jobs);
    }

    public String getTaskId() { return taskId; }
    public int getVmId() { return vmId; }
    public int getEnterpriseId() { return enterpriseId; }
    public int getUserId() { return userId; }
    public TaskType getType() { return type; }
    public TaskState getState() { return state; }
    public long getLastSequence() { return lastSequence; }
    public int getAttempts() { return attempts; }
    public String getError() { return error; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getData() { return data; }
    public void setData(String data) { this.data = data; }

    public boolean isFinished() {
        return state.isFinished();
    }

    public void setState(TaskState state) {
        this.state = state;
        touch();
    }

    /** Finished, with the reason when it failed. */
    public void finish(TaskState finalState, String why) {
        this.state = finalState;
        recordError(why);
    }

    /** Why the task fails (kept while the virtual factory still rolls back). */
    public void recordError(String why) {
        if (why != null) {
            this.error = why.length() > 1024 ? why.substring(0, 1024) : why;
        }
        touch();
    }

    public void applied(long sequence) {
        this.lastSequence = sequence;
        touch();
    }

    public void attempted() {
        this.attempts++;
        touch();
    }

    public void touch() {
        this.updatedAt = Instant.now();
    }

    public List<JobEntry> getJobs() {
        if (jobs == null) {
            List<JobEntry> read = new ArrayList<>();
            for (JsonValue v : JsonP.readArray(jobsJson)) {
                JsonObject o = v.asJsonObject();
                read.add(new JobEntry(o.getString("id"), o.getString("type"), JobState.valueOf(o.getString("state")),
                        JobState.valueOf(o.getString("rollbackState"))));
            }
            jobs = List.copyOf(read);
        }
        return jobs;
    }

    public Optional<JobEntry> job(String jobId) {
        return getJobs().stream().filter(j -> j.id().equals(jobId)).findFirst();
    }

    public Optional<JobEntry> jobOfType(String jobType) {
        return getJobs().stream().filter(j -> j.type().equals(jobType)).findFirst();
    }

    /** Replaces one job (by id) with what {@code change} makes of it. */
    public void updateJob(String jobId, UnaryOperator<JobEntry> change) {
        setJobs(getJobs().stream().map(j -> j.id().equals(jobId) ? change.apply(j) : j).toList());
    }

    private void setJobs(List<JobEntry> newJobs) {
        this.jobs = List.copyOf(newJobs);
        JsonArrayBuilder a = JsonP.array();
        for (JobEntry j : newJobs) {
            a.add(JsonP.object().add("id", j.id()).add("type", j.type()).add("state", j.state().name())
                    .add("rollbackState", j.rollbackState().name()));
        }
        this.jobsJson = a.build().toString();
        touch();
    }

    /** Abiquo's view of this task, as the task store keeps it. */
    public Task view(String ownerType) {
        long now = updatedAt.getEpochSecond();
        long created = createdAt.getEpochSecond();
        return new Task(taskId, ownerType, Integer.toString(vmId), Integer.toString(userId),
                Integer.toString(enterpriseId), type, state, now, created, getJobs().stream()
                        .map(j -> new Job(j.id(), taskId, j.type(), description(j), j.state(), j.rollbackState(), now,
                                created))
                        .toList());
    }

    private String description(JobEntry j) {
        return capitalized(type.name()) + " task's " + j.type().toLowerCase().replace('_', ' ')
                + " on virtual machine with id " + vmId;
    }

    private static String capitalized(String s) {
        String lower = s.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
