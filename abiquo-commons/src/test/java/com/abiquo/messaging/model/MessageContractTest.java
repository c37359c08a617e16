package com.abiquo.messaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.abiquo.messaging.QueueDefinition;
import com.abiquo.messaging.Queues;

class MessageContractTest {

    static DatacenterJobs deploy() {
        return new DatacenterJobs("m-1", "dc-1", "t-1", TaskType.DEPLOY,
                new HypervisorConnection("10.0.0.1", 8889, "KVM", "root", "s3cr\"et\n"),
                new VirtualMachineDefinition("vm-uuid", "ABQ_vm-uuid", 2, 1024, 10_000_000_000L,
                        new VirtualMachineDefinition.Disk("1/rs/ubuntu.qcow2", "QCOW2", 2_000_000L),
                        List.of(new VirtualMachineDefinition.Nic("52:54:00:00:00:01", "192.168.0.2", 2, "private"),
                                new VirtualMachineDefinition.Nic("52:54:00:00:00:02", null, null, null))),
                List.of(new DatacenterJobs.Job("t-1.j1", JobType.CONFIGURE),
                        new DatacenterJobs.Job("t-1.j2", JobType.POWER_ON)));
    }

    @Test
    void datacenterJobsRoundTrip() {
        DatacenterJobs jobs = deploy();
        String json = jobs.toJson();
        assertThat(json).startsWith("{\"type\":\"datacenter.jobs\",\"messageId\":\"m-1\"");
        assertThat(DatacenterJobs.fromJson(json)).isEqualTo(jobs);
        assertThat(jobs.toString()).doesNotContain("s3cr");
    }

    @Test
    void notificationRoundTrip() {
        JobNotification n = new JobNotification(JobNotification.messageId("t-1", "t-1.j1", JobState.FAILED), "dc-1",
                "t-1", "t-1.j1", JobType.CONFIGURE, JobState.FAILED, "vm-uuid", VmState.NOT_FOUND, "VF-CONFIGURE",
                "boom", 2, Instant.parse("2026-01-01T10:00:00.123Z"));
        assertThat(n.messageId()).isEqualTo("t-1.t-1.j1.FAILED");
        assertThat(JobNotification.fromJson(n.toJson())).isEqualTo(n);
        JobNotification started = new JobNotification("x", "dc-1", "t-1", "j", JobType.POWER_ON, JobState.STARTED, "vm",
                null, null, null, 1, Instant.now());
        assertThat(JobNotification.fromJson(started.toJson())).isEqualTo(started);
        assertThat(Json.parseObject(started.toJson())).containsEntry("type", "job.notification").containsKey("vmState");
    }

    @Test
    void vmStateEventRoundTrip() {
        VmStateEvent e = new VmStateEvent("e-1", "dc-1", "10.0.0.1", "vm", VmState.OFF, Instant.now(), 42);
        assertThat(e.toJson()).contains("\"type\":\"vsm.event\"");
        assertThat(VmStateEvent.fromJson(e.toJson())).isEqualTo(e);
    }

    @Test
    void rejectsMalformedDocuments() {
        String good = deploy().toJson();
        assertThatThrownBy(() -> DatacenterJobs.fromJson("not json")).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> DatacenterJobs.fromJson("[]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> DatacenterJobs.fromJson(good + "x")).hasMessageContaining("after the document");
        assertThatThrownBy(() -> DatacenterJobs.fromJson(good.replace("datacenter.jobs", "job.notification")))
                .hasMessageContaining("'type'");
        assertThatThrownBy(() -> DatacenterJobs.fromJson(good.replace("\"CONFIGURE\"", "\"FLY\"")))
                .hasMessageContaining("jobs[0].type").hasMessageContaining("FLY");
        assertThatThrownBy(() -> DatacenterJobs.fromJson(good.replace("\"taskId\":\"t-1\",", "")))
                .hasMessageContaining("'taskId' is required");
        assertThatThrownBy(() -> DatacenterJobs.fromJson(good.replace("\"cpu\":2", "\"cpu\":\"2\"")))
                .hasMessageContaining("virtualMachine.cpu");
        assertThatThrownBy(() -> DatacenterJobs.fromJson(good.replace("\"port\":8889", "\"port\":70000")))
                .hasMessageContaining("target.port");
        assertThatThrownBy(() -> DatacenterJobs.fromJson(good.replaceAll("\"jobs\":\\[.*\\]", "\"jobs\":[]")))
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> DatacenterJobs.fromJson(good.replace("t-1.j2", "t-1.j1")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("distinct");
        assertThatThrownBy(() -> DatacenterJobs.fromJson("{\"type\":\"datacenter.jobs\",\"type\":\"x\"}"))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> JobNotification.fromJson("{\"type\":\"job.notification\"}"))
                .isInstanceOf(MalformedMessageException.class);
        JobNotification n = new JobNotification("x", "dc", "t", "j", JobType.CONFIGURE, JobState.DONE, "vm",
                VmState.CONFIGURED, null, null, 2, Instant.now());
        assertThatThrownBy(() -> JobNotification.fromJson(n.toJson().replace("\"DONE\"", "\"FAILED\"")))
                .hasMessageContaining("errorCode");
        assertThatThrownBy(() -> JobNotification.fromJson(n.toJson().replace("\"sequence\":2", "\"sequence\":0")))
                .hasMessageContaining("sequence");
        assertThatThrownBy(() -> VmStateEvent.fromJson(new VmStateEvent("e", "dc", "ip", "vm", VmState.ON,
                Instant.now(), 1).toJson().replaceAll("\"observedAt\":\"[^\"]*\"", "\"observedAt\":\"yesterday\"")))
                .hasMessageContaining("observedAt");
    }

    @Test
    void jsonCodec() {
        Object v = Json.parse(" {\"a\":[1,-2.5,true,false,null,\"\\u00e9\\n\"],\"b\":{}} ");
        assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, new java.math.BigDecimal("-2.5"), true, false,
                null, "é\n"), "b", Map.of()));
        assertThat(Json.parse(Json.write(v))).isEqualTo(v);
        for (String bad : List.of("", "{", "{\"a\"}", "[1,]", "01", "\"x", "{\"a\":1,}", "tru", "[1 2]",
                "[".repeat(100) + "]".repeat(100))) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(MalformedMessageException.class);
        }
    }

    @Test
    void queueArgumentsAreTheApisForDatacenterQueues() {
        QueueDefinition q = Queues.datacenterRequests("it-dc-1");
        assertThat(q.queue()).isEqualTo("abiquo.datacenter.requests.it-dc-1.virtualfactory");
        assertThat(q.exchange()).isEqualTo("abiquo.datacenter.requests");
        assertThat(Queues.arguments(q)).containsEntry("x-queue-type", "quorum")
                .containsEntry("x-dead-letter-exchange", "abiquo.dlx").containsEntry("x-delivery-limit", 20)
                .doesNotContainKey("x-single-active-consumer");
    }
}
