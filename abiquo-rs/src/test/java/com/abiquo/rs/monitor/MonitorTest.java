package com.abiquo.rs.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.abiquo.messaging.model.HypervisorConnection;
import com.abiquo.messaging.model.VirtualMachineDefinition;
import com.abiquo.messaging.model.VmState;
import com.abiquo.messaging.model.VmStateEvent;
import com.abiquo.rs.hypervisor.VmInfo;
import com.abiquo.rs.hypervisor.simulated.SimulatedHypervisor;

class MonitorTest {

    @Test
    void reportsOnlyChangesMadeOutsideThePlatform() {
        HypervisorConnection host = new HypervisorConnection("10.0.0.7", 8889, "KVM", null, null);
        SimulatedHypervisor sim = new SimulatedHypervisor(new SimulatedHypervisor.Settings(0, null, null, null, null));
        List<VmStateEvent> published = new ArrayList<>();
        Monitor monitor = new Monitor("dc-1", sim, published::add, Clock.systemUTC());
        monitor.apply(host.ip(), "u1", () -> sim.configure(host, new VirtualMachineDefinition("u1", "vm", 1, 1, 0, null, List.of())));
        monitor.apply(host.ip(), "u1", () -> sim.powerOn(host, "u1"));
        assertThat(monitor.poll()).isEmpty();
        sim.setState(host.ip(), "u1", VmState.OFF);
        List<VmStateEvent> events = monitor.poll();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.vmUuid()).isEqualTo("u1");
            assertThat(e.state()).isEqualTo(VmState.OFF);
            assertThat(e.machineIp()).isEqualTo("10.0.0.7");
        });
        assertThat(monitor.poll()).isEmpty();
        sim.remove(host.ip(), "u1");
        List<VmStateEvent> gone = monitor.poll();
        assertThat(gone).singleElement().extracting(VmStateEvent::state).isEqualTo(VmState.NOT_FOUND);
        assertThat(gone.get(0).sequence()).isGreaterThan(events.get(0).sequence());
        assertThat(published).hasSize(2);

        monitor.apply(host.ip(), "u2", () -> sim.configure(host, new VirtualMachineDefinition("u2", "vm", 1, 1, 0, null, List.of())));
        sim.removeHost(host.ip());
        assertThat(monitor.poll()).singleElement().satisfies(e -> {
            assertThat(e.vmUuid()).isEqualTo("u2");
            assertThat(e.state()).isEqualTo(VmState.UNKNOWN);
        });
        assertThat(monitor.poll()).isEmpty();
    }

    @Test
    void anEventThatCannotBePublishedIsTriedAgain() {
        HypervisorConnection host = new HypervisorConnection("10.0.0.8", 8889, "KVM", null, null);
        SimulatedHypervisor sim = new SimulatedHypervisor(new SimulatedHypervisor.Settings(0, null, null, null, null));
        boolean[] down = {true};
        List<VmStateEvent> published = new ArrayList<>();
        Monitor monitor = new Monitor("dc-1", sim, e -> {
            if (down[0]) {
                throw new IllegalStateException("broker down");
            }
            published.add(e);
        }, Clock.systemUTC());
        monitor.apply(host.ip(), "u1", () -> sim.configure(host, new VirtualMachineDefinition("u1", "vm", 1, 1, 0, null, List.of())));
        sim.setState(host.ip(), "u1", VmState.ON);
        assertThat(monitor.poll()).isEmpty();
        down[0] = false;
        assertThat(monitor.poll()).hasSize(1);
        assertThat(published).extracting(VmStateEvent::state).containsExactly(VmState.ON);
    }

    @Test
    void aPollDuringThePlatformsOwnChangeLeavesThatVmAloneAndDoesNotWaitForIt() throws Exception {
        HypervisorConnection host = new HypervisorConnection("10.0.0.9", 8889, "KVM", null, null);
        SimulatedHypervisor sim = new SimulatedHypervisor(new SimulatedHypervisor.Settings(0, null, null, null, null));
        List<VmStateEvent> published = new ArrayList<>();
        Monitor monitor = new Monitor("dc-1", sim, published::add, Clock.systemUTC());
        monitor.apply(host.ip(), "u1", () -> sim.configure(host, new VirtualMachineDefinition("u1", "vm", 1, 1, 0, null, List.of())));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            monitor.apply(host.ip(), "u1", () -> {
                VmInfo on = sim.powerOn(host, "u1");
                // the host shows the VM ON, the monitor has not recorded it yet: a poll now must not report it
                try {
                    assertThat(other.submit(monitor::poll).get(5, TimeUnit.SECONDS)).isEmpty();
                } catch (Exception e) {
                    throw new AssertionError("a poll waited for the platform's operation", e);
                }
                return on;
            });
        } finally {
            other.shutdownNow();
        }
        assertThat(monitor.poll()).isEmpty();
        assertThat(published).isEmpty();
    }
}
