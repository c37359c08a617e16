package com.abiquo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.abiquo.messaging.Queues;
import com.abiquo.messaging.model.DatacenterJobs;
import com.abiquo.messaging.model.HypervisorConnection;
import com.abiquo.messaging.model.JobNotification;
import com.abiquo.messaging.model.JobType;
import com.abiquo.messaging.model.TaskType;
import com.abiquo.messaging.model.VirtualMachineDefinition;
import com.abiquo.messaging.model.VmState;
import com.abiquo.messaging.model.VmStateEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The remote services of the test datacenter (it.datacenter.id) deployed beside the API: tasks published to their
 * virtual factory queue as the leader will publish them, notifications and monitor events read
 * through this test's own exclusive queues bound to the API's exchanges (the API's leader consumes
 * the real queues), the simulated hosts through the simulator's control endpoint.
 */
class RemoteServicesIT extends ApiIT {

    static final String DC = System.getProperty("it.datacenter.id", "it-dc-1");
    static final String RS = "http://127.0.0.1:" + Api.HTTP_PORT + "/abiquo-rs";
    static final Api HTTP = Api.anonymous();

    static Connection connection;
    static Channel channel;
    static final BlockingQueue<String> NOTIFICATIONS = new LinkedBlockingQueue<>();
    static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();
    final List<JobNotification> seen = new ArrayList<>();

    @BeforeAll
    static void listen() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(5672);
        f.setUsername("guest");
        f.setPassword("guest");
        f.setVirtualHost(System.getProperty("it.db.name", "kinton_it")); // this run's own (see ResetDatabase)
        connection = f.newConnection("abiquo-it RemoteServicesIT");
        channel = connection.createChannel();
        channel.exchangeDeclare(Queues.VIRTUALFACTORY_EXCHANGE, Queues.DIRECT, true);
        channel.exchangeDeclare(Queues.VSM_EXCHANGE, Queues.DIRECT, true);
        String notifications = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(notifications, Queues.VIRTUALFACTORY_EXCHANGE, Queues.VIRTUALFACTORY_NOTIFICATIONS);
        channel.basicConsume(notifications, true, (tag, d) -> NOTIFICATIONS.add(new String(d.getBody(),
                StandardCharsets.UTF_8)), tag -> { });
        String events = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(events, Queues.VSM_EXCHANGE, Queues.VSM_EVENTS);
        channel.basicConsume(events, true, (tag, d) -> EVENTS.add(new String(d.getBody(), StandardCharsets.UTF_8)),
                tag -> { });
        // the virtual factory declares its queue when it starts: wait for it
        String queue = Queues.datacenterRequests(DC).queue();
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try (Channel probe = connection.createChannel()) {
                if (probe.queueDeclarePassive(queue).getConsumerCount() > 0) {
                    break;
                }
            } catch (java.io.IOException e) {
                // not declared yet
            }
            assertThat(System.currentTimeMillis()).as("the virtual factory consumes " + queue).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (connection != null) {
            connection.close(); // only this test's own connection
        }
    }

    static DatacenterJobs deploy(String hostIp, String vmName) {
        String task = UUID.randomUUID().toString();
        return new DatacenterJobs("it-" + task, DC, task, TaskType.DEPLOY,
                new HypervisorConnection(hostIp, 8889, "KVM", "root", "hypervisor-password"),
                new VirtualMachineDefinition(UUID.randomUUID().toString(), vmName, 1, 512, 1_000_000_000L,
                        new VirtualMachineDefinition.Disk("1/rs/template.qcow2", "QCOW2", 1_000_000L),
                        List.of(new VirtualMachineDefinition.Nic("52:54:00:12:34:56", "192.168.1.2", 3, "private"))),
                List.of(new DatacenterJobs.Job(task + ".configure", JobType.CONFIGURE),
                        new DatacenterJobs.Job(task + ".poweron", JobType.POWER_ON)));
    }

    static void publish(DatacenterJobs jobs) throws Exception {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json")
                .deliveryMode(2).messageId(jobs.messageId()).headers(Map.of("messageId", jobs.messageId())).build();
        String routingKey = Queues.datacenterRequests(DC).routingKey();
        channel.basicPublish(Queues.DATACENTER_REQUESTS_EXCHANGE, routingKey, true, props,
                jobs.toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** The notifications of a task, in arrival order, until {@code count} arrived. */
    List<JobNotification> notifications(String taskId, int count) throws InterruptedException {
        return notifications(taskId, count, Duration.ofSeconds(30));
    }

    List<JobNotification> notifications(String taskId, int count, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (seen.stream().filter(n -> n.taskId().equals(taskId)).count() < count && System.nanoTime() < deadline) {
            String json = NOTIFICATIONS.poll(200, TimeUnit.MILLISECONDS);
            if (json != null) {
                seen.add(JobNotification.fromJson(json));
            }
        }
        return seen.stream().filter(n -> n.taskId().equals(taskId)).toList();
    }

    static List<String> summary(List<JobNotification> ns) {
        return ns.stream().map(n -> n.jobType() + " " + n.state() + (n.vmState() == null ? "" : " " + n.vmState())).toList();
    }

    /** An address for this test, unknown to the simulator (whose hosts survive server restarts). */
    static String freshHost() {
        String ip = Infra.ip();
        int status = HTTP.delete(RS + "/simulator/hosts/" + ip).status();
        assertThat(status).isIn(204, 404);
        return ip;
    }

    static JsonNode vms(String hostIp) {
        return HTTP.get(RS + "/simulator/hosts/" + hostIp + "/vms", "application/json").expect(200).json();
    }

    @Test
    void deployConfiguresAndPowersOn() throws Exception {
        String host = freshHost();
        DatacenterJobs task = deploy(host, unique("it-vm"));
        publish(task);
        List<JobNotification> ns = notifications(task.taskId(), 4);
        assertThat(summary(ns)).containsExactly("CONFIGURE STARTED", "CONFIGURE DONE CONFIGURED", "POWER_ON STARTED",
                "POWER_ON DONE ON");
        assertThat(ns).extracting(JobNotification::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ns).allSatisfy(n -> {
            assertThat(n.datacenterId()).isEqualTo(DC);
            assertThat(n.vmUuid()).isEqualTo(task.virtualMachine().uuid());
        });
        JsonNode vms = vms(host);
        assertThat(vms).hasSize(1);
        assertThat(vms.get(0).path("uuid").asText()).isEqualTo(task.virtualMachine().uuid());
        assertThat(vms.get(0).path("state").asText()).isEqualTo("ON");
    }

    @Test
    void aFailedConfigureFailsTheTaskAndLeavesNoVm() throws Exception {
        String host = freshHost();
        DatacenterJobs task = deploy(host, unique("web-fail-configure"));
        publish(task);
        List<JobNotification> ns = notifications(task.taskId(), 2);
        assertThat(summary(ns)).containsExactly("CONFIGURE STARTED", "CONFIGURE FAILED NOT_FOUND");
        assertThat(ns.get(1).errorCode()).isEqualTo("SIM-CONFIGURE");
        assertThat(notifications(task.taskId(), 3, Duration.ofSeconds(3))).as("nothing after the failure").hasSize(2);
        assertThat(vms(host)).isEmpty();
    }

    @Test
    void aFailedPowerOnRollsBackTheConfigure() throws Exception {
        String host = freshHost();
        DatacenterJobs task = deploy(host, unique("db-fail-poweron"));
        publish(task);
        List<JobNotification> ns = notifications(task.taskId(), 5);
        assertThat(summary(ns)).containsExactly("CONFIGURE STARTED", "CONFIGURE DONE CONFIGURED", "POWER_ON STARTED",
                "POWER_ON FAILED CONFIGURED", "CONFIGURE ROLLBACK_DONE NOT_FOUND");
        assertThat(vms(host)).isEmpty();
    }

    @Test
    void theSameMessageTwiceCreatesTheVmOnce() throws Exception {
        String host = freshHost();
        DatacenterJobs task = deploy(host, unique("twice"));
        publish(task);
        publish(task);
        List<JobNotification> ns = notifications(task.taskId(), 8);
        assertThat(ns).hasSize(8);
        assertThat(ns.subList(4, 8)).extracting(JobNotification::messageId)
                .isEqualTo(ns.subList(0, 4).stream().map(JobNotification::messageId).toList());
        JsonNode vms = vms(host);
        assertThat(vms).hasSize(1);
        assertThat(vms.get(0).path("state").asText()).isEqualTo("ON");
    }

    @Test
    void aMalformedTaskIsDeadLetteredAndTheFactoryGoesOn() throws Exception {
        channel.basicPublish(Queues.DATACENTER_REQUESTS_EXCHANGE, Queues.datacenterRequests(DC).routingKey(), true,
                new AMQP.BasicProperties.Builder().messageId("it-bad").build(),
                "{\"type\":\"datacenter.jobs\"}".getBytes(StandardCharsets.UTF_8));
        String host = freshHost();
        DatacenterJobs task = deploy(host, unique("after-bad"));
        publish(task);
        assertThat(summary(notifications(task.taskId(), 4))).hasSize(4).endsWith("POWER_ON DONE ON");
    }

    @Test
    void aVmPoweredOffOutsideThePlatformIsReported() throws Exception {
        String host = freshHost();
        DatacenterJobs task = deploy(host, unique("monitored"));
        publish(task);
        assertThat(notifications(task.taskId(), 4)).hasSize(4);
        String uuid = task.virtualMachine().uuid();
        HTTP.send("POST", RS + "/simulator/hosts/" + host + "/vms/" + uuid + "/state", "application/json", "text/plain",
                "OFF").expect(200);
        VmStateEvent event = event(uuid);
        assertThat(event.state()).isEqualTo(VmState.OFF);
        assertThat(event.machineIp()).isEqualTo(host);
        assertThat(event.datacenterId()).isEqualTo(DC);

        HTTP.delete(RS + "/simulator/hosts/" + host + "/vms/" + uuid).expect(204);
        VmStateEvent gone = event(uuid);
        assertThat(gone.state()).isEqualTo(VmState.NOT_FOUND);
        assertThat(gone.sequence()).isGreaterThan(event.sequence());
    }

    static VmStateEvent event(String uuid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String json = EVENTS.poll(200, TimeUnit.MILLISECONDS);
            if (json != null) {
                VmStateEvent e = VmStateEvent.fromJson(json);
                if (e.vmUuid().equals(uuid)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no monitor event for VM " + uuid);
    }

    @Test
    void discoveredHostIsAcceptedByTheApiAndThePasswordIsNeverLogged() throws Exception {
        String password = "nc-S3cret-" + Long.toString(System.nanoTime(), 36);
        String ip = Infra.ip();
        Resp discovered = HTTP.get(RS + "/nodecollector/host?ip=" + ip + "&hypervisor=KVM&user=root&password=" + password
                + "&port=8889", "application/json").expect(200);
        assertThat(discovered.body()).doesNotContain(password);
        ObjectNode machine = (ObjectNode) discovered.json();
        assertThat(machine.path("ip").asText()).isEqualTo(ip);
        assertThat(machine.path("type").asText()).isEqualTo("KVM");
        assertThat(machine.path("virtualCpuCores").asInt()).isPositive();
        assertThat(machine.path("datastores").path("collection").size()).isPositive();
        assertThat(machine.path("networkInterfaces").path("collection").size()).isPositive();
        // the same host again, by POST with a JSON body: the same facts
        Resp again = HTTP.post(RS + "/nodecollector/host", "application/json", "application/json",
                Map.of("ip", ip, "hypervisor", "KVM", "user", "root", "password", password, "port", 8889)).expect(200);
        assertThat(again.json()).isEqualTo(machine);
        HTTP.get(RS + "/nodecollector/host?hypervisor=KVM", "application/json").expect(400);

        machine.put("password", password);
        JsonNode rack = Infra.rack(Infra.datacenter(), "r");
        JsonNode created = ADMIN.post(Resp.findLink(rack, "machines").orElseThrow(), Infra.MACHINE, Infra.MACHINE, machine)
                .expect(201).json();
        assertThat(created.path("ip").asText()).isEqualTo(ip);
        assertThat(created.path("datastores").path("collection").size())
                .isEqualTo(machine.path("datastores").path("collection").size());

        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain(password);
    }

    @Test
    void theVirtualFactoryReconnectsWhenTheBrokerDropsIt() throws Exception {
        // only this build's own remote services (the datacenter id is this build's)
        assertThat(Rabbitmqctl.closeConnections("abiquo-rs virtualfactory " + DC)).isEqualTo(1);
        Rabbitmqctl.closeConnections("abiquo-rs publisher " + DC);
        String host = freshHost();
        DatacenterJobs task = deploy(host, unique("after-reconnect"));
        publish(task);
        assertThat(summary(notifications(task.taskId(), 4))).endsWith("POWER_ON DONE ON");
    }

    @Test
    void existingEndpointsStillAnswer() {
        assertThat(HTTP.get(RS + "/check", "text/plain").expect(200).body()).isEqualTo(DC);
        assertThat(HTTP.get(RS + "/am/check", "text/plain").expect(200).body()).isEqualTo(DC);
        HTTP.get(RS + "/am/repository", "application/json").expect(200);
    }
}
