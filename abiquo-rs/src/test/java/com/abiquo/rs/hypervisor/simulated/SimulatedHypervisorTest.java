package com.abiquo.rs.hypervisor.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.abiquo.messaging.model.HypervisorConnection;
import com.abiquo.messaging.model.VirtualMachineDefinition;
import com.abiquo.messaging.model.VmState;
import com.abiquo.rs.hypervisor.HostInfo;
import com.abiquo.rs.hypervisor.HypervisorException;

class SimulatedHypervisorTest {

    static final HypervisorConnection HOST = new HypervisorConnection("10.1.2.3", 8889, "KVM", "root", "pw");

    static VirtualMachineDefinition vm(String uuid, String name) {
        return new VirtualMachineDefinition(uuid, name, 2, 2048, 0, null, List.of());
    }

    static SimulatedHypervisor simulator(Path file) {
        return new SimulatedHypervisor(new SimulatedHypervisor.Settings(0, Pattern.compile(".*fail-configure.*"),
                Pattern.compile(".*fail-poweron.*"), null, file));
    }

    @Test
    void hostFactsAreDeterministicPerAddress() {
        SimulatedHypervisor sim = simulator(null);
        HostInfo a = sim.discover(HOST);
        assertThat(sim.discover(HOST)).isEqualTo(a);
        assertThat(SimulatedHypervisor.facts(HOST)).isEqualTo(a);
        assertThat(a.cpuCores()).isPositive();
        assertThat(a.ramInMb()).isGreaterThanOrEqualTo(16384);
        assertThat(a.datastores()).isNotEmpty();
        assertThat(a.nics()).isNotEmpty().allSatisfy(n -> assertThat(n.mac()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"));
        HostInfo other = sim.discover(new HypervisorConnection("10.1.2.4", 8889, "KVM", "root", "pw"));
        assertThat(other.nics().get(0).mac()).isNotEqualTo(a.nics().get(0).mac());
        assertThat(sim.hosts()).containsExactly("10.1.2.3", "10.1.2.4");
    }

    @Test
    void operationsAreIdempotent() {
        SimulatedHypervisor sim = simulator(null);
        assertThat(sim.configure(HOST, vm("u1", "one")).state()).isEqualTo(VmState.CONFIGURED);
        assertThat(sim.configure(HOST, vm("u1", "one")).state()).isEqualTo(VmState.CONFIGURED);
        assertThat(sim.vms("10.1.2.3")).hasSize(1);
        assertThat(sim.powerOn(HOST, "u1").state()).isEqualTo(VmState.ON);
        assertThat(sim.configure(HOST, vm("u1", "one")).state()).isEqualTo(VmState.ON);
        assertThat(sim.powerOn(HOST, "u1").state()).isEqualTo(VmState.ON);
        assertThat(sim.pause(HOST, "u1").state()).isEqualTo(VmState.PAUSED);
        assertThat(sim.pause(HOST, "u1").state()).isEqualTo(VmState.PAUSED);
        assertThat(sim.resume(HOST, "u1").state()).isEqualTo(VmState.ON);
        assertThat(sim.reset(HOST, "u1").state()).isEqualTo(VmState.ON);
        assertThatThrownBy(() -> sim.reconfigure(HOST, vm("u1", "one").withResources(4, 4096)))
                .isInstanceOf(HypervisorException.class);
        assertThat(sim.shutdown(HOST, "u1").state()).isEqualTo(VmState.OFF);
        assertThat(sim.powerOff(HOST, "u1").state()).isEqualTo(VmState.OFF);
        assertThat(sim.reconfigure(HOST, vm("u1", "one").withResources(4, 4096)).cpu()).isEqualTo(4);
        assertThat(sim.deconfigure(HOST, "u1").state()).isEqualTo(VmState.NOT_FOUND);
        assertThat(sim.deconfigure(HOST, "u1").state()).isEqualTo(VmState.NOT_FOUND);
        assertThat(sim.vm(HOST, "u1").exists()).isFalse();
        assertThatThrownBy(() -> sim.powerOn(HOST, "u1")).isInstanceOf(HypervisorException.class)
                .extracting(e -> ((HypervisorException) e).code()).isEqualTo("SIM-NOT_FOUND");
    }

    @Test
    void failureInjection() {
        SimulatedHypervisor sim = simulator(null);
        assertThatThrownBy(() -> sim.configure(HOST, vm("u2", "web-fail-configure-1")))
                .isInstanceOf(HypervisorException.class).hasMessageContaining("failConfigurePattern");
        assertThat(sim.vms("10.1.2.3")).isEmpty();
        sim.configure(HOST, vm("u3", "db-fail-poweron"));
        assertThatThrownBy(() -> sim.powerOn(HOST, "u3")).isInstanceOf(HypervisorException.class)
                .extracting(e -> ((HypervisorException) e).code()).isEqualTo("SIM-POWER_ON");
        assertThat(sim.vm(HOST, "u3").state()).isEqualTo(VmState.CONFIGURED);
    }

    @Test
    void stateSurvivesARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/simulator.json");
        SimulatedHypervisor before = simulator(file);
        before.configure(HOST, vm("u1", "one"));
        before.powerOn(HOST, "u1");
        before.configure(HOST, vm("u2", "two"));
        before.discover(new HypervisorConnection("10.9.9.9", 8889, "KVM", null, null));
        assertThat(Files.exists(file.resolveSibling("simulator.json.journal"))).isTrue();

        SimulatedHypervisor after = simulator(file);
        assertThat(after.hosts()).containsExactly("10.1.2.3", "10.9.9.9");
        assertThat(after.vms("10.1.2.3")).extracting(v -> v.uuid() + "=" + v.state())
                .containsExactly("u1=ON", "u2=CONFIGURED");
        after.remove("10.1.2.3", "u2");
        assertThat(simulator(file).vms("10.1.2.3")).hasSize(1);
    }

    @Test
    void aLongJournalBecomesASnapshotAndACutShortLastChangeIsSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("simulator.json");
        Path journal = dir.resolve("simulator.json.journal");
        SimulatedHypervisor sim = simulator(file);
        sim.configure(HOST, vm("u1", "one"));
        for (int i = 0; i < SimulatedHypervisor.COMPACT_AFTER / 2 + 10; i++) {
            sim.powerOn(HOST, "u1");
            sim.powerOff(HOST, "u1");
        }
        sim.powerOn(HOST, "u1");
        assertThat(Files.exists(file)).isTrue();
        assertThat(Files.exists(file.resolveSibling("simulator.json.tmp"))).isFalse();
        assertThat(Files.readAllLines(journal)).hasSizeLessThan(100);
        Files.writeString(journal, "{\"host\":\"10.1.2.3\",\"vm\":{\"uu", java.nio.file.StandardOpenOption.APPEND);

        SimulatedHypervisor after = simulator(file);
        assertThat(after.vms("10.1.2.3")).extracting(v -> v.uuid() + "=" + v.state()).containsExactly("u1=ON");
    }

    @Test
    void latencyIsApplied() {
        SimulatedHypervisor slow = new SimulatedHypervisor(new SimulatedHypervisor.Settings(50, null, null, null, null));
        long start = System.nanoTime();
        slow.configure(HOST, vm("u1", "one"));
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(45);
    }
}
