package com.abiquo.messaging.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the leader publishes, once a task is scheduled, to the virtual factory of the datacenter
 * (exchange {@code abiquo.datacenter.requests}, topic; routing key and queue
 * {@code abiquo.datacenter.requests.<datacenter>.virtualfactory}; the {@code messageId} header and
 * AMQP message-id equal {@link #messageId()}). JSON:
 *
 * <pre>
 * {"type": "datacenter.jobs", "messageId", "datacenterId", "taskId", "taskType",
 *  "target": {HypervisorConnection}, "virtualMachine": {VirtualMachineDefinition},
 *  "jobs": [{"jobId", "type"}, ...]}
 * </pre>
 *
 * The jobs run in order on one VM of one machine; the first that fails stops the task and the
 * jobs already done are rolled back. For a RECONFIGURE, {@code virtualMachine} is the new
 * definition.
 */
public record DatacenterJobs(String messageId, String datacenterId, String taskId, TaskType taskType,
        HypervisorConnection target, VirtualMachineDefinition virtualMachine, List<Job> jobs) {

    public static final String TYPE = "datacenter.jobs";

    public DatacenterJobs {
        HypervisorConnection.require(messageId, "messageId");
        HypervisorConnection.require(datacenterId, "datacenterId");
        HypervisorConnection.require(taskId, "taskId");
        if (taskType == null || target == null || virtualMachine == null) {
            throw new IllegalArgumentException("taskType, target and virtualMachine are required");
        }
        if (jobs == null || jobs.isEmpty()) {
            throw new IllegalArgumentException("a task needs at least one job");
        }
        jobs = List.copyOf(jobs);
        if (jobs.stream().map(Job::jobId).distinct().count() != jobs.size()) {
            throw new IllegalArgumentException("job ids must be distinct");
        }
    }

    /** One job of the task: JSON {@code {"jobId", "type"}}. */
    public record Job(String jobId, JobType type) {
        public Job {
            HypervisorConnection.require(jobId, "jobId");
            if (type == null) {
                throw new IllegalArgumentException("job type is required");
            }
        }
    }

    public String toJson() {
        Map<String, Object> m = Fields.envelope(TYPE, messageId, datacenterId);
        m.put("taskId", taskId);
        m.put("taskType", taskType.name());
        m.put("target", target.toMap());
        m.put("virtualMachine", virtualMachine.toMap());
        m.put("jobs", jobs.stream().map(j -> {
            Map<String, Object> jm = new LinkedHashMap<>();
            jm.put("jobId", j.jobId());
            jm.put("type", j.type().name());
            return (Object) jm;
        }).toList());
        return Json.write(m);
    }

    /** @throws MalformedMessageException naming the first field that breaks the contract */
    public static DatacenterJobs fromJson(String json) {
        Fields f = Fields.message(json, TYPE);
        HypervisorConnection target = Fields.checked(() -> HypervisorConnection.from(f.object("target")));
        VirtualMachineDefinition vm = VirtualMachineDefinition.from(f.object("virtualMachine"));
        List<Job> jobs = f.list("jobs", true, j -> Fields.checked(() -> new Job(j.string("jobId"),
                j.enumValue("type", JobType.class))));
        return Fields.checked(() -> new DatacenterJobs(f.string("messageId"), f.string("datacenterId"),
                f.string("taskId"), f.enumValue("taskType", TaskType.class), target, vm, jobs));
    }

    @Override
    public String toString() {
        return "DatacenterJobs[" + messageId + " task " + taskId + " " + taskType + " " + jobs + " on " + target
                + " vm " + virtualMachine.uuid() + "]";
    }
}
