package com.abiquo.rs.virtualfactory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.abiquo.config.AbiquoProperties;
import com.abiquo.messaging.Queues;
import com.abiquo.messaging.model.DatacenterJobs;
import com.abiquo.messaging.model.HypervisorConnection;
import com.abiquo.messaging.model.JobNotification;
import com.abiquo.messaging.model.JobType;
import com.abiquo.messaging.model.TaskType;
import com.abiquo.messaging.model.VirtualMachineDefinition;
import com.abiquo.rs.RemoteServicesConfiguration;
import com.abiquo.rs.hypervisor.HypervisorPlugins;
import com.abiquo.rs.hypervisor.simulated.SimulatedHypervisor;
import com.abiquo.rs.messaging.Rabbit;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/**
 * The virtual factory on the machine's real RabbitMQ (a virtual host of its own): tasks of
 * different VMs run at once, tasks of one VM one after another, and each task's notifications
 * arrive in their order.
 */
class VirtualFactoryTest {

    static final String DC = "vf-test";
    static final HypervisorConnection HOST = new HypervisorConnection("10.3.3.3", 8889, "KVM", null, null);
    static final String VHOST = "abiquo-rs-test-" + UUID.randomUUID().toString().substring(0, 8);

    static Rabbit rabbit;

    @BeforeAll
    static void virtualHost() throws Exception {
        rabbitmqctl("add_vhost", VHOST);
        rabbitmqctl("set_permissions", "-p", VHOST, "guest", ".*", ".*", ".*");
        Properties p = new Properties();
        p.setProperty(RemoteServicesConfiguration.DATACENTER_ID, DC);
        p.setProperty("abiquo.rabbitmq.virtualHost", VHOST);
        rabbit = new Rabbit(RemoteServicesConfiguration.from(AbiquoProperties.of(p, "test")));
    }

    @AfterAll
    static void dropVirtualHost() throws Exception {
        rabbitmqctl("delete_vhost", VHOST);
    }

    static void rabbitmqctl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("rabbitmqctl %s: %s", args, out).isTrue();
    }

    static DatacenterJobs deploy(String task, String vmUuid) {
        return new DatacenterJobs("m-" + task, DC, task, TaskType.DEPLOY, HOST,
                new VirtualMachineDefinition(vmUuid, "vm-" + task, 1, 512, 0, null, List.of()),
                List.of(new DatacenterJobs.Job(task + ".1", JobType.CONFIGURE),
                        new DatacenterJobs.Job(task + ".2", JobType.POWER_ON)));
    }

    @Test
    void tasksOfDifferentVmsRunAtOnceAndEachTasksNotificationsKeepTheirOrder() throws Exception {
        SimulatedHypervisor sim = new SimulatedHypervisor(new SimulatedHypervisor.Settings(0, null, null, null, null));
        CountDownLatch otherVmDone = new CountDownLatch(1);
        // the first VM's CONFIGURE waits until the second VM is ON: one task at a time would never end
        JobRunner.PlatformChanges changes = (ip, uuid, operation) -> {
            if (uuid.equals("vm-slow")) {
                try {
                    assertThat(otherVmDone.await(20, TimeUnit.SECONDS)).as("the other VM's task ran meanwhile").isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            var result = operation.get();
            if (uuid.equals("vm-fast") && result.state() == com.abiquo.messaging.model.VmState.ON) {
                otherVmDone.countDown();
            }
            return result;
        };
        VirtualFactory factory = new VirtualFactory(DC, rabbit,
                new JobRunner(DC, new HypervisorPlugins(List.of(sim)), changes, Clock.systemUTC()), 4);
        // lanes are chosen by the VM's uuid: these two must not share one
        assertThat(Math.floorMod("vm-slow".hashCode(), 4)).isNotEqualTo(Math.floorMod("vm-fast".hashCode(), 4));
        try (Connection c = rabbit.connect("test"); Channel ch = c.createChannel()) {
            Rabbit.declare(ch, DC);
            factory.start();
            for (DatacenterJobs task : List.of(deploy("t1", "vm-slow"), deploy("t2", "vm-fast"),
                    deploy("t3", "vm-slow"))) {
                ch.basicPublish(Queues.datacenterRequests(DC).exchange(), Queues.datacenterRequests(DC).routingKey(),
                        Rabbit.properties(task.messageId()), Rabbit.body(task.toJson()));
            }
            BlockingQueue<JobNotification> arrived = new LinkedBlockingQueue<>();
            ch.basicConsume(Queues.VIRTUALFACTORY_NOTIFICATIONS, true,
                    (tag, m) -> arrived.add(JobNotification.fromJson(new String(m.getBody(), StandardCharsets.UTF_8))),
                    tag -> { });
            List<JobNotification> got = new ArrayList<>();
            for (JobNotification n; got.size() < 12 && (n = arrived.poll(30, TimeUnit.SECONDS)) != null;) {
                got.add(n);
            }
            List<String> order = got.stream().map(n -> n.taskId() + ":" + n.sequence()).toList();
            // every task ended: t1's CONFIGURE could go on only once t2 (another lane) had powered its VM on
            assertThat(order).hasSize(12);
            for (String task : List.of("t1", "t2", "t3")) {
                assertThat(order.stream().filter(o -> o.startsWith(task + ":")))
                        .containsExactly(task + ":1", task + ":2", task + ":3", task + ":4");
            }
            // one VM's tasks one after another: t3 began after t1 ended
            assertThat(order.indexOf("t3:1")).isGreaterThan(order.indexOf("t1:4"));
            assertThat(ch.messageCount(Queues.datacenterRequests(DC).queue())).isZero();
        } finally {
            factory.stop();
        }
    }
}
