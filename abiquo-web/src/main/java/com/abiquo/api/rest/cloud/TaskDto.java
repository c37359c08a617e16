package com.abiquo.api.rest.cloud;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.task.Job;
import com.abiquo.task.Task;
import com.abiquo.task.TaskState;

/**
 * {@code task+json} (also {@code taskextended+json}): {taskId, ownerId, userId, type, state,
 * timestamp, creationTimestamp (epoch seconds), jobs{collection}, links self, parent, user,
 * virtualmachine/target}.
 */
public class TaskDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "task+json";
    public static final String EXTENDED_TYPE = AbiquoMediaTypes.PREFIX + "taskextended+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "tasks+json";

    public String taskId;
    public String ownerId;
    public String userId;
    public String type;
    public String state;
    public long timestamp;
    public long creationTimestamp;
    public CollectionDto<JobDto> jobs;

    /** One job: {id, parentTaskId, type, description, state, rollbackState, timestamp, creationTimestamp}. */
    public static class JobDto extends RestDto {
        public String id;
        public String parentTaskId;
        public String type;
        public String description;
        public String state;
        public String rollbackState;
        public long timestamp;
        public long creationTimestamp;

        static JobDto from(Job j) {
            JobDto dto = new JobDto();
            dto.id = j.id();
            dto.parentTaskId = j.parentTaskId();
            dto.type = j.type();
            dto.description = j.description();
            dto.state = j.state().name();
            dto.rollbackState = j.rollbackState().name();
            dto.timestamp = j.timestamp();
            dto.creationTimestamp = j.creationTimestamp();
            return dto;
        }
    }

    /** {@code vmPath}: the owner machine's path, e.g. {@code cloud/virtualdatacenters/1/.../virtualmachines/3}. */
    public static TaskDto from(Task t, String vmPath, Links links) {
        TaskDto dto = new TaskDto();
        dto.taskId = t.taskId();
        dto.ownerId = t.ownerId();
        dto.userId = t.userId();
        dto.type = t.type().name();
        dto.state = t.state().name();
        dto.timestamp = t.timestamp();
        dto.creationTimestamp = t.creationTimestamp();
        dto.jobs = new CollectionDto<>(t.jobs().stream().map(JobDto::from).toList(), t.jobs().size());
        dto.add(links.link("self", TYPE, vmPath + "/tasks/" + t.taskId()));
        dto.add(links.link("parent", COLLECTION_TYPE, vmPath + "/tasks"));
        dto.add(links.link("virtualmachine", VirtualMachineDto.TYPE, vmPath));
        dto.add(links.link("target", VirtualMachineDto.TYPE, vmPath));
        if (t.state() == TaskState.QUEUEING) {
            dto.add(links.link("cancel", null, vmPath + "/tasks/" + t.taskId() + "/action/cancel"));
        }
        if (t.enterpriseId() != null && t.userId() != null) {
            dto.add(links.link("user", AbiquoMediaTypes.of("user"), "admin/enterprises/%s/users/%s", t.enterpriseId(),
                    t.userId()));
        }
        return dto;
    }
}
