package com.abiquo.rs.virtualfactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.abiquo.messaging.model.DatacenterJobs;
import com.abiquo.messaging.model.HypervisorConnection;
import com.abiquo.messaging.model.JobNotification;
import com.abiquo.messaging.model.JobType;
import com.abiquo.messaging.model.TaskType;
import com.abiquo.messaging.model.VirtualMachineDefinition;
import com.abiquo.rs.hypervisor.HypervisorPlugins;
import com.abiquo.rs.hypervisor.simulated.SimulatedHypervisor;

class JobRunnerTest {

    static final HypervisorConnection HOST = new HypervisorConnection("10.1.2.3", 8889, "KVM", "root", "pw");

    final SimulatedHypervisor sim = new SimulatedHypervisor(new SimulatedHypervisor.Settings(0,
            Pattern.compile(".*fail-configure.*"), Pattern.compile(".*fail-poweron.*"),
            Pattern.compile(".*fail-deconfigure.*"), null));
    final JobRunner runner = new JobRunner("dc-1", new HypervisorPlugins(List.of(sim)), JobRunner.PlatformChanges.DIRECT,
            Clock.systemUTC());
    final List<JobNotification> sent = new ArrayList<>();

    static DatacenterJobs deploy(String task, String vmName) {
        return new DatacenterJobs("m-" + task, "dc-1", task, TaskType.DEPLOY, HOST,
                new VirtualMachineDefinition("uuid-" + task, vmName, 1, 512, 0, null, List.of()),
                List.of(new DatacenterJobs.Job(task + ".1", JobType.CONFIGURE),
                        new DatacenterJobs.Job(task + ".2", JobType.POWER_ON)));
    }

    static List<String> states(List<JobNotification> ns) {
        return ns.stream().map(n -> n.jobType() + ":" + n.state() + ":" + n.sequence() + ":" + n.vmState()).toList();
    }

    @Test
    void deployReportsEachJob() {
        assertThat(runner.run(deploy("t1", "vm"), sent::add)).isTrue();
        assertThat(states(sent)).containsExactly("CONFIGURE:STARTED:1:null", "CONFIGURE:DONE:2:CONFIGURED",
                "POWER_ON:STARTED:3:null", "POWER_ON:DONE:4:ON");
        assertThat(sent.get(0).messageId()).isEqualTo("t1.t1.1.STARTED");
    }

    @Test
    void aFailedJobRollsBackTheJobsDone() {
        assertThat(runner.run(deploy("t2", "x-fail-poweron"), sent::add)).isFalse();
        assertThat(states(sent)).containsExactly("CONFIGURE:STARTED:1:null", "CONFIGURE:DONE:2:CONFIGURED",
                "POWER_ON:STARTED:3:null", "POWER_ON:FAILED:4:CONFIGURED", "CONFIGURE:ROLLBACK_DONE:5:NOT_FOUND");
        assertThat(sent.get(3).errorCode()).isEqualTo("SIM-POWER_ON");
        assertThat(sim.vms(HOST.ip())).isEmpty();
    }

    @Test
    void aRollbackThatFailsTooIsReportedWithWhatTheHostNowHas() {
        assertThat(runner.run(deploy("t5", "x-fail-poweron-fail-deconfigure"), sent::add)).isFalse();
        assertThat(states(sent)).containsExactly("CONFIGURE:STARTED:1:null", "CONFIGURE:DONE:2:CONFIGURED",
                "POWER_ON:STARTED:3:null", "POWER_ON:FAILED:4:CONFIGURED", "CONFIGURE:ROLLBACK_FAILED:5:CONFIGURED");
        assertThat(sent.get(4).errorCode()).isEqualTo("SIM-DECONFIGURE");
        assertThat(sim.vms(HOST.ip())).hasSize(1);
    }

    @Test
    void aFailedConfigureLeavesNothing() {
        assertThat(runner.run(deploy("t3", "x-fail-configure"), sent::add)).isFalse();
        assertThat(states(sent)).containsExactly("CONFIGURE:STARTED:1:null", "CONFIGURE:FAILED:2:NOT_FOUND");
        assertThat(sim.vms(HOST.ip())).isEmpty();
    }

    @Test
    void aRedeliveredTaskDoesNothingTwice() {
        runner.run(deploy("t4", "vm"), sent::add);
        List<JobNotification> again = new ArrayList<>();
        assertThat(runner.run(deploy("t4", "vm"), again::add)).isTrue();
        assertThat(again).extracting(JobNotification::messageId).isEqualTo(sent.stream().map(JobNotification::messageId).toList());
        assertThat(sim.vms(HOST.ip())).hasSize(1);
    }

    @Test
    void aNotificationThatCannotBePublishedStopsTheTask() {
        assertThatThrownBy(() -> runner.run(deploy("t5", "vm"), n -> {
            throw new IllegalStateException("broker down");
        })).isInstanceOf(JobRunner.NotificationFailed.class);
        assertThat(sim.vms(HOST.ip())).isEmpty();
    }
}
